import { createHash } from 'node:crypto';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileHashError, hashFiles } from './hash-files.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chatscreen-hash-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function file(name: string, bytes: Buffer): Promise<{ path: string; size: number }> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, size: bytes.length };
}

// Bytes that cross the worker's 1 MiB reads, an empty file and a short one.
const contents = [
  Buffer.alloc(3 * 1024 * 1024 + 17, 'héllo, wörld\n'),
  Buffer.alloc(0),
  Buffer.from('one line'),
];

describe('hashFiles', () => {
  for (const [where, offThreadFromBytes] of [
    ['on a worker thread', 0],
    ['on the calling thread', Number.POSITIVE_INFINITY],
  ] as const) {
    it(`hashes each file in order ${where}`, async () => {
      const files = await Promise.all(contents.map((c, i) => file(`f${i}`, c)));
      const digests = await hashFiles(files, { offThreadFromBytes });
      expect(digests).toEqual(contents.map((c) => ({ sha256: sha256(c), byteSize: c.length })));
    });

    it(`names the file it cannot read, with the system's code, ${where}`, async () => {
      const ok = await file('ok', Buffer.from('x'));
      const missing = { path: join(dir, 'missing'), size: 1 };
      const failure = await hashFiles([ok, missing, ok], { offThreadFromBytes }).catch(
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(FileHashError);
      expect((failure as FileHashError).index).toBe(1);
      expect(((failure as FileHashError).cause as { code?: string }).code).toBe('ENOENT');
    });

    it(`stops when aborted and rejects with the reason ${where}`, async () => {
      // Sparse: a quarter of a GiB to read, none of it on disk.
      const path = join(dir, 'large');
      await writeFile(path, '');
      await truncate(path, 256 * 1024 * 1024);
      const controller = new AbortController();
      const hashing = hashFiles([{ path, size: 256 * 1024 * 1024 }], {
        offThreadFromBytes,
        signal: controller.signal,
      });
      const reason = new Error('stop');
      setTimeout(() => controller.abort(reason), 5);
      await expect(hashing).rejects.toBe(reason);
    });
  }

  it('refuses at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(hashFiles([], { signal: controller.signal })).rejects.toThrow('gone');
  });
});
