import type { Readable } from 'node:stream';
import type { DateOrder, ExportFormat, Message } from '../domain/index.js';
import type { ParseReportBuilder } from './report.js';

/** One file inside an export: the export itself, a zip member or a file in a folder. */
export interface ExportEntry {
  /** Path inside the export, '/'-separated, no leading slash; '' when the export is one file. */
  readonly path: string;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** A fresh stream of the entry's bytes each time it is called. */
  open(): Promise<Readable>;
  /**
   * A file on disk that holds exactly the entry's bytes (a plain file, a file in a folder; not a
   * zip entry), for readers on another thread that open it themselves.
   */
  readonly filePath?: string;
}

/** What the user gave us, seen as a set of entries, whatever its container. */
export interface ExportSource {
  readonly kind: 'file' | 'zip' | 'directory';
  /** Base name of the file or folder as given (used for titles, e.g. "WhatsApp Chat with X.txt"). */
  readonly name: string;
  readonly entries: readonly ExportEntry[];
  /** The first `maxBytes` bytes of an entry (fewer if it is shorter), for detection. */
  head(entry: ExportEntry, maxBytes: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface DetectResult {
  format: ExportFormat;
  /** 0..1: how sure the importer is that it can read this source. */
  confidence: number;
  variant: string | null;
}

export interface ImportContext {
  /**
   * The export's id, which message ids derive from. For an importer with `awaitsExportId` it may
   * still be being computed when reading starts: read it only once `exportIdKnown` has resolved
   * (before, it throws `internal`).
   */
  readonly exportId: string;
  /**
   * Resolves once `exportId` can be read; rejects (with a ChatscreenError) when the export could
   * not be hashed. Absent means the id is known already.
   */
  readonly exportIdKnown?: Promise<void>;
  /** IANA zone for timestamps written without an offset. */
  readonly timezone: string;
  /** Set by the user; null means "decide from the file, or fail with ambiguous_date_order". */
  readonly dateOrder: DateOrder | null;
  readonly report: ParseReportBuilder;
  /**
   * Set by the pipeline for an importer's `readBatches`: the importer calls it on each message
   * as soon as the message is complete, before it reports anything about later records. The
   * pipeline numbers the message there, so the report lists what it notices (out-of-order
   * times) in source order, interleaved with the importer's own issues, whatever the batching.
   * `sentAtMs`, where the importer has it, is `sentAt` in ms since the epoch (not read back).
   */
  readonly onMessage?: (message: ImportedMessage, sentAtMs?: number) => void;
}

/**
 * A message as an importer yields it: complete but for `seq`, which importers set to 0 and the
 * pipeline overwrites in yield order (in place: copying every message was a measurable share of
 * a large import).
 */
export type ImportedMessage = Message;

export interface Importer {
  readonly format: ExportFormat;
  /**
   * True when the importer awaits `context.exportIdKnown` before it first reads
   * `context.exportId`: the pipeline then starts it while the export is still being hashed (the
   * id derives from the hash), instead of hashing first. For importers with work to do before
   * the first message, such as a pass over the whole file.
   */
  readonly awaitsExportId?: boolean;
  /** Cheap look at the source (names and heads of entries); null when it is not this format. */
  detect(source: ExportSource): Promise<DetectResult | null>;
  /**
   * Yields messages in source order. Unreadable records go to `context.report` with their
   * location; anything that makes the whole export unusable throws a ChatscreenError.
   * Must never throw anything else, whatever the bytes (property-tested).
   */
  read(source: ExportSource, context: ImportContext): AsyncIterable<ImportedMessage>;
  /**
   * The same messages in the same order, in arrays (optional): for importers that produce many
   * messages per chunk read, one await per array instead of one per message. The pipeline uses
   * it when present, and then expects `context.onMessage` to be called on every message.
   */
  readBatches?(
    source: ExportSource,
    context: ImportContext,
  ): AsyncIterable<readonly ImportedMessage[]>;
}
