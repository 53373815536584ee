import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChatscreenError } from '../../domain/index.js';
import type { VerifiedPackage } from '../scorer.js';
import { checkPackagePath } from './package-paths.js';

/**
 * Reads one listed file of a verified package and checks the bytes read against the manifest.
 * Runtimes load model bytes through this rather than from the path, so the bytes that score are
 * exactly the bytes that were verified, even if the folder changes after `loadModelPackage`.
 */
export async function readVerifiedFile(pkg: VerifiedPackage, path: string): Promise<Uint8Array> {
  checkPackagePath(path);
  const expected = pkg.manifest.files[path];
  if (expected === undefined) {
    throw new ChatscreenError(
      'model_package_invalid',
      `"${path}" is needed by a ${pkg.manifest.kind} package but not listed in manifest.json`,
    );
  }
  const bytes = await readFile(join(pkg.dir, path)).catch((error: unknown) => {
    throw new ChatscreenError('model_package_invalid', `"${path}" cannot be read`, {
      cause: error,
    });
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length !== expected.bytes || sha256 !== expected.sha256) {
    throw new ChatscreenError(
      'model_package_invalid',
      `"${path}" changed after the package was verified: its SHA-256 no longer matches manifest.json`,
    );
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
