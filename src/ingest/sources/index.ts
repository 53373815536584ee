import { open, stat } from 'node:fs/promises';
import { ChatscreenError } from '../../domain/index.js';
import { openDirectorySource } from './directory-source.js';
import { fileLocation, fromFsError } from './errors.js';
import { openFileSource } from './file-source.js';
import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from './limits.js';
import type { OpenedSource } from './opened-source.js';
import { openZipSource } from './zip-source.js';

export type { ArchiveLimits } from './limits.js';
export { DEFAULT_ARCHIVE_LIMITS } from './limits.js';
export type { OpenedSource } from './opened-source.js';

/**
 * Opens what the user gave as an ExportSource: a folder, a zip (recognised by its first bytes,
 * whatever its name) or any other single file.
 */
export async function openExportSource(
  path: string,
  limits: Partial<ArchiveLimits> = {},
): Promise<OpenedSource> {
  const caps = { ...DEFAULT_ARCHIVE_LIMITS, ...limits };
  const stats = await stat(path).catch((error: unknown) => {
    throw fromFsError(error, '');
  });
  if (stats.isDirectory()) return openDirectorySource(path, caps);
  if (!stats.isFile()) {
    // A FIFO or a device could block or never end; only regular files and folders are read.
    throw new ChatscreenError('unrecognised_format', 'the input is neither a file nor a folder', {
      location: fileLocation(''),
    });
  }
  if (await startsWithZipMagic(path)) return openZipSource(path, stats, caps);
  return openFileSource(path, stats);
}

/** Local file header, or the end record of an empty archive. */
const ZIP_MAGICS = [
  Buffer.from('PK\u0003\u0004', 'latin1'),
  Buffer.from('PK\u0005\u0006', 'latin1'),
];

async function startsWithZipMagic(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && ZIP_MAGICS.some((magic) => magic.equals(head));
  } catch (error) {
    throw fromFsError(error, '');
  } finally {
    await handle?.close();
  }
}
