import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ChatscreenError } from '../../domain/index.js';
import type { ExportEntry } from '../types.js';
import { fileLocation, fromFsError } from './errors.js';
import { hashExportFile } from './hash-files.js';
import type { OpenedSource } from './opened-source.js';
import { readHead } from './read-head.js';

const READ_CHUNK = 256 * 1024;

/** A single plain file: one entry with the path ''. */
export function openFileSource(path: string, stats: Stats): OpenedSource {
  const entry: ExportEntry = {
    path: '',
    size: stats.size,
    open: async () => createReadStream(path, { highWaterMark: READ_CHUNK }),
    filePath: path,
  };
  return {
    kind: 'file',
    name: basename(path),
    entries: [entry],
    notes: [],
    head: async (e, maxBytes) => readHead(await e.open(), maxBytes),
    close: async () => {},
    digest: (signal) => hashExportFile({ absolute: path, path: '', size: stats.size }, signal),
    assertUnchanged: async () => assertSameFile(path, stats, ''),
  };
}

/**
 * Evidence must come from the bytes that were hashed: a file rewritten while it was being read
 * (size, modification time or inode changed) makes the import fail instead of mixing versions.
 */
export async function assertSameFile(path: string, before: Stats, file: string): Promise<void> {
  let after: Stats;
  try {
    after = await stat(path);
  } catch (error) {
    throw fromFsError(error, file);
  }
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino) {
    throw new ChatscreenError('malformed_input', 'the export changed on disk while it was read', {
      location: fileLocation(file),
    });
  }
}
