import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shared corpus of real exports lives: `$CHATSCREEN_SHARED_DIR/exports`, else
 * `../shared/exports` beside the repository. Conformance tests skip (and say so) when it is absent;
 * nothing from it is ever copied into the repository.
 */
export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const sharedDir = process.env.CHATSCREEN_SHARED_DIR ?? resolve(repoRoot, '../shared');
export const exportsDir = join(sharedDir, 'exports');
export const corpusAvailable = existsSync(exportsDir);

if (!corpusAvailable) {
  console.warn(
    `conformance: no corpus at ${exportsDir}; set CHATSCREEN_SHARED_DIR to run these tests`,
  );
}

/** Absolute path of a corpus file given as `format/file`. */
export function corpusPath(path: string): string {
  return join(exportsDir, ...path.split('/'));
}

/** Every file under the corpus, as '/'-separated paths relative to it, sorted. */
export function listCorpusFiles(): string[] {
  if (!corpusAvailable) return [];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const dirent of readdirSync(dir, { withFileTypes: true })) {
      const absolute = join(dir, dirent.name);
      if (dirent.isDirectory()) walk(absolute);
      else found.push(relative(exportsDir, absolute).split(sep).join('/'));
    }
  };
  walk(exportsDir);
  return found.sort();
}

/**
 * How a conformance test used a corpus file (see test/conformance/README.md):
 * - `export`: parsed, and its counts and per-message facts checked against PROVENANCE.md;
 * - `ground-truth`: another tool's expected output, used as the expectation for an export;
 * - `not-an-export`: asserted to be refused (unrecognised_format / wrong_format), not misparsed;
 * - `provenance`: the PROVENANCE.md whose stated counts the test encodes.
 */
export type CorpusRole = 'export' | 'ground-truth' | 'not-an-export' | 'provenance';

export interface CheckedFile {
  /** `format/file`, relative to the corpus root. */
  path: string;
  role: CorpusRole;
}
