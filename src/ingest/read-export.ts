import {
  ChatscreenError,
  type DateOrder,
  type ExportFormat,
  type ExportRecord,
  exportIdFromSha256,
  type Message,
  type ParseReport,
} from '../domain/index.js';
import type { Digest } from '../lib/sha256.js';
import { asChatscreenError } from './as-chatscreen-error.js';
import { checkForcedFormat, type Detection, detectFormat } from './detect.js';
import { flatten } from './flatten.js';
import { MessageNumbering, numberedBatches, numberMessages } from './number-messages.js';
import { IMPORTERS } from './registry.js';
import { ParseReportBuilder } from './report.js';
import { type ArchiveLimits, type OpenedSource, openExportSource } from './sources/index.js';
import { ZoneConverter } from './time/zoned.js';
import type { ImportContext, ImportedMessage, Importer } from './types.js';

export interface ReadExportOptions {
  /** `auto` (the default) detects; a named format is checked against the export first. */
  format?: ExportFormat | 'auto';
  /**
   * IANA zone for timestamps written without an offset. When absent, UTC is used and the report
   * says so (`timezone_assumed`): never the machine's own zone, so the result is reproducible.
   */
  timezone?: string;
  /** Day/month order for numeric dates; absent means "decide from the file or refuse". */
  dateOrder?: DateOrder | null;
  /**
   * Defaults to `exportIdFromSha256(sha256)`: the hash runs from the start (on a worker thread
   * for a large input) and the importer awaits it before the first message's id is needed.
   */
  exportId?: string;
  /** The importers to detect among; the registry by default (tests pass their own). */
  importers?: readonly Importer[];
  limits?: Partial<ArchiveLimits>;
}

/** An export being read. `messages` can be iterated once; the source is closed when it ends. */
export interface ExportReading {
  readonly format: ExportFormat;
  /**
   * Known at once when given in the options; otherwise it comes from the hash of the bytes, which
   * may still be running (importers with `awaitsExportId`): it is known by the time the first
   * message arrives, and reading it earlier throws `internal`.
   */
  readonly exportId: string;
  readonly messages: AsyncIterable<Message>;
  /** The report so far (final once `messages` has been read to the end). */
  report(): ParseReport;
  /** The export record; only once `messages` has been read to the end. */
  record(): ExportRecord;
  /** Releases the source when `messages` will not be read (iterating to the end also does it). */
  close(): Promise<void>;
}

export const DEFAULT_TIMEZONE = 'UTC';

/**
 * Reads an export from a path: opens the container, picks the importer, hashes the original
 * bytes and streams the messages, numbered (`seq`) in the order the importer yields them.
 * Throws only ChatscreenError, here or while `messages` is iterated.
 */
export async function readExport(
  path: string,
  options: ReadExportOptions = {},
): Promise<ExportReading> {
  // Options are checked before any I/O: a typo in --tz should not cost a hash of 2 GB.
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  new ZoneConverter(timezone);
  const source = await openExportSource(path, options.limits);
  return readExportSource(source, options);
}

/** The same over an already opened source (synthetic sources in tests, uploads in the service). */
export async function readExportSource(
  source: OpenedSource,
  options: ReadExportOptions = {},
): Promise<ExportReading> {
  // The hash starts first, on a worker thread for a large input, and runs alongside detection
  // and whatever of the parse does not need the export id; aborted if the reading stops early.
  const hashing = new AbortController();
  try {
    return await startReading(source, options, hashing);
  } catch (error) {
    hashing.abort();
    await source.close();
    throw asChatscreenError(error, 'opening the export');
  }
}

async function startReading(
  source: OpenedSource,
  options: ReadExportOptions,
  hashing: AbortController,
): Promise<ExportReading> {
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  new ZoneConverter(timezone);
  const digestPromise = source.digest(hashing.signal);
  digestPromise.catch(() => {});
  const importers = options.importers ?? IMPORTERS;
  const format = options.format ?? 'auto';
  const detection: Detection =
    format === 'auto'
      ? await detectFormat(source, importers)
      : await checkForcedFormat(source, format, importers);

  const report = new ParseReportBuilder();
  for (const note of source.notes) report.warn(note.code, note.detail, note.location);
  if (options.timezone === undefined) {
    report.warn(
      'timezone_assumed',
      `no time zone given; times written without an offset are read as ${DEFAULT_TIMEZONE}`,
      null,
    );
  }

  // The default export id is derived from the bytes (README, "Deterministic ids"). An importer
  // that says it can (`awaitsExportId`) starts reading while the hash runs and awaits
  // `exportIdKnown` before it first needs the id; for the others the hash is awaited here.
  let exportId: string | null = options.exportId ?? null;
  const exportIdKnown: Promise<void> =
    exportId !== null
      ? Promise.resolve()
      : digestPromise.then((d) => {
          exportId = exportIdFromSha256(d.sha256);
        });
  exportIdKnown.catch(() => {});
  const importer = detection.importer;
  if (importer.awaitsExportId !== true) await exportIdKnown;
  const knownExportId = (): string => {
    if (exportId === null) {
      throw new ChatscreenError(
        'internal',
        'the export id was read before the export had been hashed',
      );
    }
    return exportId;
  };

  let digest: Digest | null = null;
  const numbering = new MessageNumbering(report);
  const contextWith = (onMessage?: ImportContext['onMessage']): ImportContext => ({
    get exportId(): string {
      return knownExportId();
    },
    exportIdKnown,
    timezone,
    dateOrder: options.dateOrder ?? null,
    report,
    ...(onMessage === undefined ? {} : { onMessage }),
  });
  let finished = false;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    hashing.abort();
    await source.close();
  };

  async function* batches(): AsyncGenerator<readonly Message[]> {
    try {
      if (importer.readBatches !== undefined) {
        const onMessage = (message: ImportedMessage, sentAtMs?: number): void => {
          numbering.number(message, sentAtMs);
        };
        const batched = importer.readBatches(source, contextWith(onMessage));
        yield* numberedBatches(batched, numbering);
      } else {
        for await (const m of numberMessages(importer.read(source, contextWith()), numbering)) {
          yield [m];
        }
      }
      digest = await digestPromise;
      await source.assertUnchanged();
      finished = true;
    } catch (error) {
      throw asChatscreenError(error, `reading the ${importer.format} export`);
    } finally {
      await close();
    }
  }

  return {
    format: detection.importer.format,
    get exportId(): string {
      return knownExportId();
    },
    messages: flatten(batches()),
    report: () => report.build(),
    close,
    record: (): ExportRecord => {
      if (!finished || digest === null) {
        throw new ChatscreenError(
          'internal',
          'the export record is complete only once every message has been read',
        );
      }
      return {
        id: knownExportId(),
        sha256: digest.sha256,
        byteSize: digest.byteSize,
        fileName: source.name,
        format: detection.importer.format,
        variant: report.variant ?? detection.result.variant,
        timezone,
        dateOrder: report.dateOrder ?? options.dateOrder ?? null,
        textNormalisation: 'none',
        report: report.build(),
      };
    },
  };
}

/** Test convenience: the whole export in memory. Never use it on real evidence sizes. */
export async function parseExportToArray(
  path: string,
  options: ReadExportOptions = {},
): Promise<{ messages: Message[]; record: ExportRecord }> {
  const reading = await readExport(path, options);
  const messages: Message[] = [];
  for await (const message of reading.messages) messages.push(message);
  return { messages, record: reading.record() };
}
