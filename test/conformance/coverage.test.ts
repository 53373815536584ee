import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CheckedFile,
  corpusAvailable,
  exportsDir,
  listCorpusFiles,
  repoRoot,
} from './shared-exports.js';

/** Every `*.files.ts` beside this test, loaded: which test declares which corpus files. */
async function declaredLists(): Promise<Map<string, readonly CheckedFile[]>> {
  const dir = join(repoRoot, 'test', 'conformance');
  const lists = new Map<string, readonly CheckedFile[]>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.files.ts'))
    .sort()) {
    const module = (await import(join(dir, name))) as { CHECKED?: readonly CheckedFile[] };
    if (module.CHECKED === undefined) throw new Error(`${name} does not export CHECKED`);
    lists.set(name.replace(/\.files\.ts$/, '.test.ts'), module.CHECKED);
  }
  return lists;
}

describe.skipIf(!corpusAvailable)(`corpus coverage (${exportsDir})`, () => {
  it('every corpus file is checked by some format conformance test', async () => {
    const lists = await declaredLists();
    const checkedBy = new Map<string, string[]>();
    for (const [test, files] of lists) {
      for (const file of files)
        checkedBy.set(file.path, [...(checkedBy.get(file.path) ?? []), `${test} (${file.role})`]);
    }
    const corpus = listCorpusFiles();
    const lines = corpus.map(
      (path) =>
        `${checkedBy.has(path) ? 'checked' : 'MISSING'}  ${path}  ${checkedBy.get(path)?.join(', ') ?? ''}`,
    );
    console.info(`conformance coverage:\n${lines.join('\n')}`);
    const uncovered = corpus.filter((path) => !checkedBy.has(path));
    const stale = [...checkedBy.keys()].filter((path) => !corpus.includes(path));
    expect({ uncovered, stale }).toEqual({ uncovered: [], stale: [] });
  });
});
