import { type CsvError, type Info, parse } from 'csv-parse';
import { ChatscreenError, type SourceLocation } from '../../domain/index.js';
import { ZoneConverter } from '../time/zoned.js';
import type {
  DetectResult,
  ExportEntry,
  ExportSource,
  ImportContext,
  ImportedMessage,
  Importer,
} from '../types.js';
import { readCsvHeader } from './csv-header.js';
import { genericEntries, HEAD_BYTES } from './entries.js';
import { GENERIC_FIELDS, GenericFile } from './generic-record.js';
import { queuedRecords } from './queued-records.js';
import { Utf8Watch } from './utf8-watch.js';

/** A record longer than this is refused rather than held in memory. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

const isCsv = (head: Buffer): boolean => readCsvHeader(head) !== null;

/**
 * Generic CSV: a header row naming `id` and `text` (and optionally `sender`, `sentAt`,
 * `conversation`), then one message per record, parsed with csv-parse (RFC 4180 quoting, fields
 * may span lines). Records that cannot be messages are skipped with their location; broken
 * quoting stops the import with its location, except at the very end (a truncated file).
 */
export const csvImporter: Importer = {
  format: 'csv',

  async detect(source: ExportSource): Promise<DetectResult | null> {
    const found = await genericEntries(source, ['.csv', '.tsv'], isCsv);
    return found.length === 0 ? null : { format: 'csv', confidence: 0.8, variant: null };
  },

  async *read(source: ExportSource, context: ImportContext): AsyncIterable<ImportedMessage> {
    const zone = new ZoneConverter(context.timezone);
    const entries = new Set(await genericEntries(source, ['.csv', '.tsv'], isCsv));
    for (const entry of source.entries) {
      const used = entries.has(entry);
      context.report.noteFile(entry.path, entry.size, used ? 'messages' : 'ignored');
      if (used) yield* readCsvEntry(source, entry, context, zone);
    }
  },
};

interface CsvRow {
  record: string[];
  raw: string;
  info: Info;
}

async function* readCsvEntry(
  source: ExportSource,
  entry: ExportEntry,
  context: ImportContext,
  zone: ZoneConverter,
): AsyncGenerator<ImportedMessage> {
  const header = readCsvHeader(await source.head(entry, HEAD_BYTES));
  if (header === null) return;
  const parser = parse({
    bom: true,
    delimiter: header.delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const input = await entry.open();
  const watch = new Utf8Watch(context.report, entry.path);
  input.on('error', (error) => parser.destroy(error));
  watch.on('error', (error) => parser.destroy(error));
  input.pipe(watch).pipe(parser);
  const file = new GenericFile(context, zone, entry.path);
  const columnIndex = new Map(header.columns.map((name, i) => [name, i]));
  const unknown = header.columns.filter(
    (c) => !(GENERIC_FIELDS as readonly string[]).map((f) => f.toLowerCase()).includes(c),
  );
  if (unknown.length > 0) {
    context.report.warn(
      'columns_not_read',
      `${unknown.length} column(s) other than the generic fields are not read`,
      {
        file: entry.path,
        byteOffset: 0,
        byteLength: 0,
        line: 1,
      },
    );
  }
  let end = 0;
  let lastLine = 0;
  let first = true;
  try {
    for await (const row of queuedRecords<CsvRow>(parser)) {
      const start = first ? row.info.bytes - rawLength(row.raw, true) : end;
      const location: SourceLocation = {
        file: entry.path,
        byteOffset: start,
        byteLength: rawLength(row.raw, false),
        line: lastLine + 1,
      };
      end = row.info.bytes;
      // csv-parse counts a CR and an LF inside quotes as two lines; count LFs instead.
      lastLine += countLineFeeds(row.raw.replace(/\r?\n?$/, '')) + 1;
      if (first) {
        first = false;
        continue; // the header
      }
      if (row.record.length === 1 && row.record[0] === '') continue; // an empty line
      if (row.record.length !== header.columns.length) {
        context.report.skip(
          'wrong_field_count',
          `the record has ${row.record.length} fields; the header has ${header.columns.length}`,
          location,
        );
        file.ordinal += 1;
        continue;
      }
      const field = (name: string): string | undefined => {
        const index = columnIndex.get(name.toLowerCase());
        return index === undefined ? undefined : row.record[index];
      };
      const message = file.toMessage(
        {
          id: field('id'),
          text: field('text'),
          sender: field('sender'),
          sentAt: field('sentAt'),
          conversation: field('conversation'),
        },
        location,
      );
      if (message !== null) yield message;
    }
  } catch (error) {
    const location: SourceLocation = {
      file: entry.path,
      byteOffset: end,
      byteLength: 0,
      line: lastLine + 1,
    };
    const code = (error as CsvError | null)?.code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      // Only ever raised at the end of the input: the file stops inside a quoted field.
      context.report.skip('truncated_record', 'the file ends inside a quoted field', {
        ...location,
        byteLength: entry.size - end,
      });
      context.report.warn(
        'truncated',
        'the file ends inside a quoted field (truncated?)',
        location,
      );
      return;
    }
    if (code === 'CSV_MAX_RECORD_SIZE') {
      throw new ChatscreenError(
        'input_too_large',
        `a CSV record is longer than ${MAX_RECORD_BYTES} bytes`,
        {
          location,
          cause: error,
        },
      );
    }
    if (error instanceof ChatscreenError) throw error;
    if (code !== undefined) {
      throw new ChatscreenError('malformed_input', `the CSV is malformed (${code})`, {
        location,
        cause: error,
      });
    }
    throw error;
  } finally {
    input.destroy();
  }
}

/**
 * Bytes of a record as csv-parse reports it in `raw`: it keeps a trailing LF (or, for CRLF, the
 * CR only). Without the terminator unless `withTerminator`.
 */
function rawLength(raw: string, withTerminator: boolean): number {
  const content = raw.replace(/\r?\n?$/, '');
  if (!withTerminator) return Buffer.byteLength(content, 'utf8');
  return Buffer.byteLength(raw, 'utf8') + (raw.endsWith('\r') ? 1 : 0);
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}
