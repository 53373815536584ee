import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isChatscreenError } from '../../../src/domain/index.js';
import type { BlobStore } from '../../../src/store/index.js';

/** The BlobStore contract: filesystem now, an S3-compatible store later (issue 6). */
export interface BlobHarness {
  blobs: BlobStore;
  /** Names of anything left in staging, to prove failures leave nothing. */
  leftovers(): Promise<string[]>;
  cleanup(): Promise<void>;
}

const sha = (data: string) => createHash('sha256').update(data).digest('hex');

export function describeBlobStoreContract(name: string, open: () => Promise<BlobHarness>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let harness: BlobHarness;
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('hashes while staging, keeps the received name and keeps bytes by hash on commit', async () => {
      const staged = await harness.blobs.stage(
        Readable.from([Buffer.from('hello '), Buffer.from('world')]),
        {
          maxBytes: 100,
          fileName: 'WhatsApp Chat with Group.txt',
        },
      );
      expect(staged.sha256).toBe(sha('hello world'));
      expect(staged.size).toBe(11);
      expect(basename(staged.localPath)).toBe('WhatsApp Chat with Group.txt');
      expect(await readFile(staged.localPath, 'utf8')).toBe('hello world');
      expect(await harness.blobs.has(staged.sha256)).toBe(false);
      await staged.commit();
      expect(await harness.blobs.has(staged.sha256)).toBe(true);
      expect(await text(await harness.blobs.open(staged.sha256))).toBe('hello world');
      expect(await harness.leftovers()).toEqual([]);
    });

    it('commits the same bytes twice without error', async () => {
      for (let i = 0; i < 2; i += 1) {
        const staged = await harness.blobs.stage(Readable.from([Buffer.from('same')]), {
          maxBytes: 10,
          fileName: 'a.txt',
        });
        await staged.commit();
      }
      expect(await harness.blobs.has(sha('same'))).toBe(true);
    });

    it('fails past the limit with payload_too_large and leaves nothing', async () => {
      const error = await harness.blobs
        .stage(Readable.from([Buffer.alloc(60), Buffer.alloc(60)]), {
          maxBytes: 100,
          fileName: 'big.txt',
        })
        .catch((e: unknown) => e);
      expect(isChatscreenError(error) && error.code).toBe('payload_too_large');
      expect(await harness.leftovers()).toEqual([]);
    });

    it('leaves nothing when the source fails half-way or is discarded', async () => {
      async function* broken() {
        yield Buffer.from('partial');
        throw new Error('connection reset');
      }
      await expect(
        harness.blobs.stage(Readable.from(broken()), { maxBytes: 100, fileName: 'x.txt' }),
      ).rejects.toThrow('connection reset');
      const staged = await harness.blobs.stage(Readable.from([Buffer.from('bye')]), {
        maxBytes: 10,
        fileName: 'y.txt',
      });
      await staged.discard();
      expect(await harness.blobs.has(staged.sha256)).toBe(false);
      expect(await harness.leftovers()).toEqual([]);
    });

    it('discards what an interrupted staging left behind', async () => {
      const staged = await harness.blobs.stage(Readable.from([Buffer.from('left')]), {
        maxBytes: 10,
        fileName: 'l.txt',
      });
      const kept = await harness.blobs.stage(Readable.from([Buffer.from('kept')]), {
        maxBytes: 10,
        fileName: 'k.txt',
      });
      await kept.commit();
      expect(await harness.leftovers()).toHaveLength(1);
      await harness.blobs.discardAbandoned();
      expect(await harness.leftovers()).toEqual([]);
      expect(await harness.blobs.has(kept.sha256)).toBe(true);
      expect(await harness.blobs.has(staged.sha256)).toBe(false);
    });

    it('never lets a file name escape staging, and refuses unknown or malformed hashes', async () => {
      const staged = await harness.blobs.stage(Readable.from([Buffer.from('x')]), {
        maxBytes: 10,
        fileName: '../../etc/passwd',
      });
      expect(basename(staged.localPath)).toBe('passwd');
      await staged.discard();
      expect(await harness.blobs.has('../x')).toBe(false);
      const error = await harness.blobs.open('f'.repeat(64)).catch((e: unknown) => e);
      expect(isChatscreenError(error) && error.code).toBe('not_found');
    });
  });
}
