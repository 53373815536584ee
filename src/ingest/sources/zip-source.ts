import type { Stats } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ChatscreenError, type SourceLocation } from '../../domain/index.js';
import type { ExportEntry } from '../types.js';
import { fileLocation, fromFsError } from './errors.js';
import { assertSameFile } from './file-source.js';
import { hashExportFile } from './hash-files.js';
import type { ArchiveLimits } from './limits.js';
import type { OpenedSource } from './opened-source.js';
import { readHead } from './read-head.js';
import { ZipEntryGuard, zipStreamError } from './zip-guard.js';
import { isSymlinkEntry, unsafeEntryNameReason } from './zip-names.js';

interface ListedEntry {
  name: string;
  raw: Entry;
}

/**
 * A zip archive, read in place with yauzl: the central directory is listed when the source is
 * opened (and every entry checked), entry contents are inflated only when an importer opens them.
 * Nested archives are not opened: a zip inside the zip is an entry like any other, which also
 * keeps recursive bombs (42.zip) harmless. See README, "Supported export formats".
 */
export async function openZipSource(
  path: string,
  stats: Stats,
  limits: ArchiveLimits,
): Promise<OpenedSource> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      // Names are decoded and checked here, so that every refusal is ours and says why.
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw archiveError(error, fileLocation(''));
  }
  let listed: ListedEntry[];
  try {
    listed = await listEntries(zip, limits);
  } catch (error) {
    zip.close();
    throw error;
  }
  const entries: ExportEntry[] = listed.map(({ name, raw }) => ({
    path: name,
    size: raw.uncompressedSize,
    open: () => openEntry(zip, raw, locationOf(name, raw)),
  }));
  return {
    kind: 'zip',
    name: basename(path),
    entries,
    notes: [],
    head: async (entry, maxBytes) => readHead(await entry.open(), maxBytes),
    close: async () => {
      if (zip.isOpen) zip.close();
    },
    digest: (signal) => hashExportFile({ absolute: path, path: '', size: stats.size }, signal),
    assertUnchanged: async () => assertSameFile(path, stats, ''),
  };
}

function locationOf(name: string, raw: Entry): SourceLocation {
  // The entry's bytes inside the archive: from its local header over its compressed data.
  return fileLocation(name, raw.relativeOffsetOfLocalHeader, raw.compressedSize);
}

async function listEntries(zip: ZipFile, limits: ArchiveLimits): Promise<ListedEntry[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new ChatscreenError(
      'input_too_large',
      `the archive lists ${zip.entryCount} entries; at most ${limits.maxEntries} are read`,
      { location: fileLocation('') },
    );
  }
  const listed: ListedEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  try {
    for await (const raw of zip.eachEntry()) {
      const name = entryName(raw);
      const location = locationOf(name, raw);
      const unsafe = unsafeEntryNameReason(name);
      if (unsafe !== null) throw new ChatscreenError('unsafe_archive', unsafe, { location });
      if (isSymlinkEntry(raw.versionMadeBy, raw.externalFileAttributes)) {
        throw new ChatscreenError('unsafe_archive', 'the archive holds a symbolic link', {
          location,
        });
      }
      if (raw.isEncrypted()) {
        throw new ChatscreenError('unsafe_archive', 'the archive holds an encrypted entry', {
          location,
        });
      }
      if (name.endsWith('/')) continue;
      if (seen.has(name)) {
        // Tools disagree on which copy wins, so the content would depend on who extracts it.
        throw new ChatscreenError('unsafe_archive', 'two entries in the archive share a path', {
          location,
        });
      }
      seen.add(name);
      checkSize(raw, location, limits);
      total += raw.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        throw new ChatscreenError(
          'input_too_large',
          `the archive would inflate to more than ${limits.maxTotalBytes} bytes`,
          { location },
        );
      }
      listed.push({ name, raw });
    }
  } catch (error) {
    throw archiveError(error, fileLocation(''));
  }
  checkOverlaps(listed);
  return listed;
}

function entryName(raw: Entry): string {
  // With decodeStrings off yauzl leaves the raw bytes; decode them as yauzl would (UTF-8 flag,
  // Info-ZIP unicode path field, else CP437) but keep backslashes so that they can be refused.
  const rawName = raw.fileNameRaw;
  return yauzl.getFileNameLowLevel(raw.generalPurposeBitFlag, rawName, raw.extraFields, true);
}

function checkSize(raw: Entry, location: SourceLocation, limits: ArchiveLimits): void {
  const ratio = raw.uncompressedSize / Math.max(1, raw.compressedSize);
  if (raw.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
    throw new ChatscreenError(
      'unsafe_archive',
      `a zip entry claims a compression ratio of ${Math.round(ratio)}:1 (zip bomb?); at most ${limits.maxRatio}:1 is accepted`,
      { location },
    );
  }
}

/**
 * Overlapping entries (several names sharing one compressed stream) are how non-recursive zip
 * bombs multiply their output; no archiver writes them. A local header is at least 30 bytes.
 */
function checkOverlaps(listed: readonly ListedEntry[]): void {
  const byOffset = [...listed].sort(
    (a, b) => a.raw.relativeOffsetOfLocalHeader - b.raw.relativeOffsetOfLocalHeader,
  );
  for (let i = 1; i < byOffset.length; i += 1) {
    const previous = byOffset[i - 1];
    const current = byOffset[i];
    if (previous === undefined || current === undefined) continue;
    const previousEnd = previous.raw.relativeOffsetOfLocalHeader + 30 + previous.raw.compressedSize;
    if (current.raw.relativeOffsetOfLocalHeader < previousEnd) {
      throw new ChatscreenError('unsafe_archive', 'zip entries overlap (zip bomb?)', {
        location: locationOf(current.name, current.raw),
      });
    }
  }
}

async function openEntry(zip: ZipFile, raw: Entry, location: SourceLocation): Promise<Readable> {
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
    throw new ChatscreenError(
      'malformed_input',
      `a zip entry uses compression method ${raw.compressionMethod}; only stored and deflate are supported`,
      { location },
    );
  }
  let inflated: Readable;
  try {
    inflated = await zip.openReadStreamPromise(raw);
  } catch (error) {
    throw zipStreamError(error, location);
  }
  const guard = new ZipEntryGuard(raw.uncompressedSize, raw.crc32, location);
  inflated.on('error', (error: unknown) => guard.destroy(zipStreamError(error, location)));
  // When a reader stops early (detection reads only a head), stop inflating too.
  guard.on('close', () => inflated.destroy());
  inflated.pipe(guard);
  return guard;
}

function archiveError(error: unknown, location: SourceLocation): ChatscreenError {
  if (error instanceof ChatscreenError) return error;
  const message = error instanceof Error ? error.message : '';
  if (/end of central directory record signature not found/i.test(message)) {
    return new ChatscreenError(
      'truncated_input',
      'the zip archive has no central directory (truncated or not a complete archive)',
      { location, cause: error },
    );
  }
  if (/encryption/i.test(message)) {
    return new ChatscreenError('unsafe_archive', 'the archive uses encryption', {
      location,
      cause: error,
    });
  }
  if ((error as NodeJS.ErrnoException | null)?.code !== undefined) {
    return fromFsError(error, location.file);
  }
  return new ChatscreenError('malformed_input', 'the zip archive is malformed', {
    location,
    cause: error,
  });
}
