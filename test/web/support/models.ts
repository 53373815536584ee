import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHIPPED_MODELS } from '../../e2e/support/models.js';

export const STRICT_MODEL = 'span-ngram-1-strict';

/**
 * A models folder with the shipped package and a second version of it that only raises the
 * thresholds (so its manifest, and hence its hash, differ): a comparison then shows a real diff.
 */
export async function modelsWithStricterVersion(dir: string): Promise<string> {
  await cp(join(SHIPPED_MODELS, 'span-ngram-1'), join(dir, 'span-ngram-1'), { recursive: true });
  await cp(join(SHIPPED_MODELS, 'span-ngram-1'), join(dir, STRICT_MODEL), { recursive: true });
  const manifestPath = join(dir, STRICT_MODEL, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    id: string;
    version: string;
    thresholds: Record<string, number>;
  };
  manifest.id = STRICT_MODEL;
  manifest.version = '1.0.1-strict';
  for (const category of Object.keys(manifest.thresholds)) manifest.thresholds[category] = 0.6;
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(dir, 'DEFAULT'), 'span-ngram-1\n');
  return dir;
}
