import { createReadStream, type Dirent, type Stats } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { ChatscreenError, type ParseIssue } from '../../domain/index.js';
import type { Digest } from '../../lib/sha256.js';
import type { ExportEntry } from '../types.js';
import { directoryDigest } from './directory-digest.js';
import { fileLocation, fromFsError } from './errors.js';
import { assertSameFile } from './file-source.js';
import { hashExportFiles } from './hash-files.js';
import type { ArchiveLimits } from './limits.js';
import type { OpenedSource } from './opened-source.js';
import { readHead } from './read-head.js';
import { compareEntryPaths } from './sort.js';

interface WalkedFile {
  path: string;
  absolute: string;
  stats: Stats;
}

/**
 * A folder (an unpacked Slack or WhatsApp export): every regular file below it, sorted by path.
 * Symbolic links are never followed: one that points inside the folder is skipped with a note
 * (its target is read under its own path), one that points outside makes the import fail.
 */
export async function openDirectorySource(
  path: string,
  limits: ArchiveLimits,
): Promise<OpenedSource> {
  const root = await realpath(path).catch((error: unknown) => {
    throw fromFsError(error, '');
  });
  const files: WalkedFile[] = [];
  const notes: ParseIssue[] = [];
  await walk(root, root, '', files, notes, limits);
  files.sort((a, b) => compareEntryPaths(a.path, b.path));
  const entries: ExportEntry[] = files.map((f) => ({
    path: f.path,
    size: f.stats.size,
    open: async () => createReadStream(f.absolute, { highWaterMark: 256 * 1024 }),
    filePath: f.absolute,
  }));
  return {
    kind: 'directory',
    name: basename(path),
    entries,
    notes,
    head: async (entry, maxBytes) => readHead(await entry.open(), maxBytes),
    close: async () => {},
    digest: async (signal): Promise<Digest> => {
      const onDisk = files.map((f) => ({ absolute: f.absolute, path: f.path, size: f.stats.size }));
      const digests = await hashExportFiles(onDisk, signal);
      return directoryDigest(
        digests.map((d, i) => ({
          path: files[i]?.path ?? '',
          sha256: d.sha256,
          byteSize: d.byteSize,
        })),
      );
    },
    assertUnchanged: async () => {
      for (const f of files) await assertSameFile(f.absolute, f.stats, f.path);
    },
  };
}

async function walk(
  root: string,
  dir: string,
  relative: string,
  out: WalkedFile[],
  notes: ParseIssue[],
  limits: ArchiveLimits,
): Promise<void> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw fromFsError(error, relative);
  }
  for (const dirent of dirents) {
    const absolute = join(dir, dirent.name);
    const path = relative === '' ? dirent.name : `${relative}/${dirent.name}`;
    if (dirent.isDirectory()) {
      await walk(root, absolute, path, out, notes, limits);
    } else if (dirent.isFile()) {
      const stats = await lstat(absolute).catch((error: unknown) => {
        throw fromFsError(error, path);
      });
      out.push({ path, absolute, stats });
      if (out.length > limits.maxEntries) {
        throw new ChatscreenError(
          'input_too_large',
          `the folder holds more than ${limits.maxEntries} files`,
          { location: fileLocation(path) },
        );
      }
    } else if (dirent.isSymbolicLink()) {
      await checkSymlink(root, absolute, path, notes);
    } else {
      // FIFOs, sockets and devices: reading one could block forever or never end.
      notes.push({
        code: 'special_file_skipped',
        detail: 'not a regular file (FIFO, socket or device); not read',
        location: fileLocation(path),
      });
    }
  }
}

async function checkSymlink(
  root: string,
  absolute: string,
  path: string,
  notes: ParseIssue[],
): Promise<void> {
  let target: string;
  try {
    target = await realpath(absolute);
  } catch {
    notes.push({
      code: 'symlink_skipped',
      detail: 'broken symbolic link; not read',
      location: fileLocation(path),
    });
    return;
  }
  if (target !== root && !target.startsWith(root + sep)) {
    throw new ChatscreenError(
      'unsafe_archive',
      'a symbolic link in the export folder points outside it',
      { location: fileLocation(path) },
    );
  }
  notes.push({
    code: 'symlink_skipped',
    detail: 'symbolic link inside the export; its target is read under its own path',
    location: fileLocation(path),
  });
}
