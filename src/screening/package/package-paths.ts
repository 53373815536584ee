import { ChatscreenError } from '../../domain/index.js';

/**
 * A `files` key of a manifest names a file inside the package: '/'-separated, relative, no '.'
 * or '..' segments, no backslashes or drive letters. Anything else could make the loader hash or
 * a runtime read a file outside the package, so the package is refused.
 */
export function checkPackagePath(relativePath: string): void {
  const segments = relativePath.split('/');
  const escapes =
    relativePath.length === 0 ||
    relativePath.includes('\\') ||
    relativePath.includes('\u0000') ||
    /^[a-zA-Z]:/.test(relativePath) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..');
  if (escapes) {
    throw new ChatscreenError(
      'model_package_invalid',
      `manifest.json lists "${relativePath}", which is not a plain relative path inside the package`,
    );
  }
  if (relativePath === MANIFEST_FILE) {
    throw new ChatscreenError(
      'model_package_invalid',
      'manifest.json lists itself; its own hash is the package identity and cannot be listed',
    );
  }
}

export const MANIFEST_FILE = 'manifest.json';
