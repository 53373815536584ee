import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ChatscreenError } from '../../domain/index.js';

/**
 * Every entry under `dir` as '/'-separated relative paths. Symbolic links and other non-regular
 * entries are refused: a link could point outside the package and change without the manifest.
 */
export async function listPackageFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(path);
      else {
        throw new ChatscreenError(
          'model_package_invalid',
          `"${path}" in the model package is not a regular file (links are not allowed)`,
        );
      }
    }
  };
  await walk('');
  return found.sort();
}
