import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ChatscreenError } from '../../domain/index.js';
import type { BlobStore, StagedBlob } from '../blob-store.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** Keeps the received name's shape (extension, "WhatsApp Chat with ..." prefixes) but nothing path-like. */
export function safeFileName(name: string): string {
  const base = [...basename(name.replaceAll('\\', '/'))]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? '_' : ch))
    .join('')
    .slice(-200);
  return base === '' || base === '.' || base === '..' ? 'upload' : base;
}

/** blobs/<first two hex>/<sha256>; staging in blobs/tmp/<random>/<name>. */
export function fsBlobStore(root: string): BlobStore {
  const finalPath = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  return {
    async stage(source, { maxBytes, fileName }) {
      // The source may fail before the pipeline below is attached (during mkdir); the pipeline
      // still sees that error through the stream's errored state, but nothing may go unheard.
      source.on('error', () => {});
      const dir = join(root, 'tmp', randomBytes(12).toString('hex'));
      await mkdir(dir, { recursive: true });
      const localPath = join(dir, safeFileName(fileName));
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) {
            callback(
              new ChatscreenError('payload_too_large', `the upload exceeds ${maxBytes} bytes`),
            );
            return;
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, createWriteStream(localPath));
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      const sha256 = hash.digest('hex');
      const staged: StagedBlob = {
        sha256,
        size,
        localPath,
        async commit() {
          const target = finalPath(sha256);
          await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
          if (!(await exists(target))) await rename(localPath, target);
          await rm(dir, { recursive: true, force: true });
        },
        async discard() {
          await rm(dir, { recursive: true, force: true });
        },
      };
      return staged;
    },
    async has(sha256) {
      return SHA256.test(sha256) && (await exists(finalPath(sha256)));
    },
    async discardAbandoned() {
      await rm(join(root, 'tmp'), { recursive: true, force: true });
    },
    async open(sha256) {
      if (!SHA256.test(sha256) || !(await exists(finalPath(sha256)))) {
        throw new ChatscreenError('not_found', 'no such blob');
      }
      return createReadStream(finalPath(sha256));
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
