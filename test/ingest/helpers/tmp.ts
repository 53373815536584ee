import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A scratch folder for one test file, removed by `cleanup`. */
export async function scratchDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'chatscreen-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A scratch folder created before the file's tests and removed after them. */
export function useScratchDir(): { readonly dir: string } {
  const state = { dir: '', cleanup: async (): Promise<void> => {} };
  beforeAll(async () => {
    Object.assign(state, await scratchDir());
  });
  afterAll(() => state.cleanup());
  return {
    get dir() {
      return state.dir;
    },
  };
}

export async function writeScratch(
  dir: string,
  name: string,
  bytes: Buffer | string,
): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}
