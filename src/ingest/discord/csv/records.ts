import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ChatscreenError, isChatscreenError, type SourceLocation } from '../../../domain/index.js';
import { Utf8Watch } from '../../generic/utf8-watch.js';
import type { ParseReportBuilder } from '../../report.js';
import type { ExportEntry } from '../../types.js';

export interface CsvRecord {
  fields: string[];
  /** The record's bytes, including its line ending. */
  location: SourceLocation;
}

/**
 * Streams the records of a CSV entry with the byte range and first line of each, taken from
 * csv-parse's running `info.bytes`/`info.lines` (where one record ends, the next begins).
 * csv-parse failures become `malformed_input`, or `truncated_input` for a quote left open at the
 * end of the file, with the byte where the parser stopped.
 */
export async function* csvRecords(
  entry: ExportEntry,
  report: ParseReportBuilder,
): AsyncGenerator<CsvRecord> {
  let stream: Readable;
  try {
    stream = await entry.open();
  } catch (error) {
    throw readFailure(error, entry.path, 0, null);
  }
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  // Bytes that are not UTF-8 are warned about with their offset on the way in; csv-parse would
  // otherwise turn them into U+FFFD without a word. pipeline() carries read errors to the parser.
  const watch = new Utf8Watch(report, entry.path);
  pipeline(stream, watch, parser, () => {});
  let bytes = 0;
  let lines = 0;
  try {
    for await (const item of parser) {
      const { record, info } = item as { record: string[]; info: { bytes: number; lines: number } };
      const location: SourceLocation = {
        file: entry.path,
        byteOffset: bytes,
        byteLength: info.bytes - bytes,
        line: lines + 1,
      };
      bytes = info.bytes;
      lines = info.lines;
      yield { fields: record, location };
    }
  } catch (error) {
    throw readFailure(error, entry.path, bytes, lines + 1);
  } finally {
    stream.destroy();
    watch.destroy();
    parser.destroy();
  }
}

function readFailure(
  error: unknown,
  file: string,
  byteOffset: number,
  line: number | null,
): ChatscreenError {
  if (isChatscreenError(error)) return error;
  const location = { file, byteOffset, byteLength: 0, line };
  if (error instanceof CsvError) {
    const truncated = error.code === 'CSV_QUOTE_NOT_CLOSED';
    return new ChatscreenError(
      truncated ? 'truncated_input' : 'malformed_input',
      truncated ? 'the CSV file ends inside a quoted field' : `invalid CSV (${error.code})`,
      { location },
    );
  }
  return new ChatscreenError('malformed_input', 'the file could not be read to its end', {
    location,
    cause: error,
  });
}
