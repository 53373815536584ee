import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { corpusPath } from './shared-exports.js';

/**
 * The corpus flattens folder exports (Slack workspaces, Messenger "Download your information")
 * into single file names joined with `__`. Their PROVENANCE.md keeps each file's path in its
 * source repository, which is where the real layout can be read back from. These helpers rebuild
 * an export's folder in a temporary directory (never in the repository) so that the conformance
 * tests read it through the real folder source and pipeline.
 */

/** Staged file name → its path in the source repository, from a PROVENANCE.md table. */
export function originalPaths(format: string): Map<string, string> {
  const provenance = readFileSync(corpusPath(`${format}/PROVENANCE.md`), 'utf8');
  const paths = new Map<string, string>();
  for (const line of provenance.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const staged = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    // Notes such as "[transcribed via index read_file]" or "(JSON literal ...)" follow the path.
    const original = /^`([^`]+)`/.exec(cells[3] ?? '')?.[1]?.replace(/\s*[[(].*$/, '');
    if (staged !== undefined && original !== undefined) paths.set(staged, original);
  }
  return paths;
}

export interface Placement {
  /** `format/staged-file`, as in the corpus. */
  corpus: string;
  /** Where the file goes inside the rebuilt export. */
  path: string;
}

/**
 * Places the staged files of one export set: a file's path inside the export is its original
 * path after `/<setDir>/` (e.g. `.../testdata/corrupt/your_activity_across_facebook/...`).
 */
export function placeSet(format: string, stagedPrefix: string, setDir: string): Placement[] {
  const placements: Placement[] = [];
  for (const [staged, original] of originalPaths(format)) {
    if (!staged.startsWith(stagedPrefix)) continue;
    const at = original.indexOf(`/${setDir}/`);
    if (at < 0) throw new Error(`${staged}: no /${setDir}/ in its original path`);
    placements.push({
      corpus: `${format}/${staged}`,
      path: original.slice(at + setDir.length + 2),
    });
  }
  return placements.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Copies the placed files into a fresh temporary folder; `cleanup` removes it. */
export async function rebuild(
  placements: readonly Placement[],
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'chatscreen-conformance-'));
  for (const p of placements) {
    const target = join(dir, ...p.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(corpusPath(p.corpus), target);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
