// Worker thread of `hashFiles` (hash-files.ts): SHA-256 of each file in `workerData.paths`, in
// order, read with blocking 1 MiB reads (this thread does nothing else). Posts
// `{ index, sha256, byteSize }` per file, or `{ index, error: { code, message } }` for the first
// file that cannot be read, and stops there. Plain JavaScript on purpose: a TypeScript worker has
// to register tsx inside the thread first, about 0.2 s of CPU before the first byte is hashed.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const CHUNK = 1024 * 1024;
const buffer = Buffer.allocUnsafe(CHUNK);
const paths = workerData.paths;

for (let index = 0; index < paths.length; index++) {
  let fd = -1;
  try {
    fd = openSync(paths[index], 'r');
    const hash = createHash('sha256');
    let byteSize = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(n === CHUNK ? buffer : buffer.subarray(0, n));
      byteSize += n;
    }
    parentPort.postMessage({ index, sha256: hash.digest('hex'), byteSize });
  } catch (error) {
    const code = typeof error?.code === 'string' ? error.code : null;
    parentPort.postMessage({ index, error: { code, message: String(error?.message ?? error) } });
    break;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}
