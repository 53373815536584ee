import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isChatscreenError, type ModelRef } from '../../domain/index.js';
import { loadModelPackage, parseManifest } from './load.js';
import type { ModelManifest } from './manifest.js';
import { MANIFEST_FILE } from './package-paths.js';

export type ModelPackageEntry =
  | {
      ok: true;
      /** Folder name under the models folder. */
      name: string;
      dir: string;
      ref: ModelRef;
      manifest: ModelManifest;
      /** Whether every file was hashed (`verify: true`) or only the manifest parsed. */
      verified: boolean;
    }
  | { ok: false; name: string; dir: string; error: { code: string; detail: string } };

export interface ListModelPackagesOptions {
  /** Hash every file of every package (slow for big packages); default: parse manifests only. */
  verify?: boolean;
}

async function describe(name: string, dir: string, verify: boolean): Promise<ModelPackageEntry> {
  try {
    if (verify) {
      const pkg = await loadModelPackage(dir);
      return { ok: true, name, dir, ref: pkg.ref, manifest: pkg.manifest, verified: true };
    }
    const bytes = await readFile(join(dir, MANIFEST_FILE));
    const manifest = parseManifest(bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { ok: true, name, dir, ref: { id: manifest.id, sha256 }, manifest, verified: false };
  } catch (error) {
    const code = isChatscreenError(error) ? error.code : 'model_package_invalid';
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, name, dir, error: { code, detail } };
  }
}

/**
 * The model packages installed in a models folder: every sub-folder holding a manifest.json,
 * sorted by name. Broken packages are listed with their error rather than hidden.
 * A package whose manifest id differs from its folder name is reported as broken, because
 * `resolveModel` finds packages by folder name.
 */
export async function listModelPackages(
  modelsDir: string,
  options: ListModelPackagesOptions = {},
): Promise<ModelPackageEntry[]> {
  const root = resolve(modelsDir);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const listed: ModelPackageEntry[] = [];
  for (const name of folders) {
    const dir = join(root, name);
    const hasManifest = await stat(join(dir, MANIFEST_FILE)).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!hasManifest) continue;
    const entry = await describe(name, dir, options.verify ?? false);
    if (entry.ok && entry.manifest.id !== name) {
      listed.push({
        ok: false,
        name,
        dir,
        error: {
          code: 'model_package_invalid',
          detail: `folder "${name}" holds a package whose manifest id is "${entry.manifest.id}"`,
        },
      });
    } else listed.push(entry);
  }
  return listed;
}
