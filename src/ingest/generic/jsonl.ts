import type { SourceLocation } from '../../domain/index.js';
import { readLineBatches } from '../text/line-reader.js';
import { ZoneConverter } from '../time/zoned.js';
import type {
  DetectResult,
  ExportEntry,
  ExportSource,
  ImportContext,
  ImportedMessage,
  Importer,
} from '../types.js';
import { genericEntries } from './entries.js';
import { GENERIC_FIELDS, type GenericFields, GenericFile } from './generic-record.js';
import { parseJsonLine } from './json-line.js';

// Inside a zip or folder only these names are looked at (not .json: Slack exports hold thousands).
const EXTENSIONS = ['.jsonl', '.ndjson'];

/** True when the first non-blank line of the head is a JSON object with `id` and `text`. */
function isJsonl(head: Buffer): boolean {
  let text = head.toString('utf8');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseJsonLine(line.replace(/\r$/, ''));
    if (!parsed.ok || !isObject(parsed.value)) return false;
    const { id, text: body } = parsed.value;
    return typeof body === 'string' && (typeof id === 'string' || typeof id === 'number');
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Generic JSON Lines: one object per line with `id` and `text` (optionally `sender`, `sentAt`,
 * `conversation`), read line by line with the byte-exact line reader. A line that is not such an
 * object is skipped with its location; the rest of the file is still read.
 */
export const jsonlImporter: Importer = {
  format: 'jsonl',

  async detect(source: ExportSource): Promise<DetectResult | null> {
    const found = await genericEntries(source, EXTENSIONS, isJsonl);
    return found.length === 0 ? null : { format: 'jsonl', confidence: 0.8, variant: null };
  },

  async *read(source: ExportSource, context: ImportContext): AsyncIterable<ImportedMessage> {
    const zone = new ZoneConverter(context.timezone);
    const entries = new Set(await genericEntries(source, EXTENSIONS, isJsonl));
    for (const entry of source.entries) {
      const used = entries.has(entry);
      context.report.noteFile(entry.path, entry.size, used ? 'messages' : 'ignored');
      if (used) yield* readJsonlEntry(entry, context, zone);
    }
  },
};

async function* readJsonlEntry(
  entry: ExportEntry,
  context: ImportContext,
  zone: ZoneConverter,
): AsyncGenerator<ImportedMessage> {
  const { report } = context;
  const file = new GenericFile(context, zone, entry.path);
  const unknownFields = new Set<string>();
  let firstUnknownAt: SourceLocation | null = null;
  for await (const batch of readLineBatches(await entry.open())) {
    for (const line of batch) {
      const location: SourceLocation = {
        file: entry.path,
        byteOffset: line.byteOffset,
        byteLength: line.byteLength,
        line: line.line,
      };
      if (line.overlong) {
        report.skip('line_too_long', 'the line is longer than the longest line read', location);
        file.ordinal += 1;
        continue;
      }
      if (line.text.trim() === '') continue;
      if (line.invalidUtf8)
        report.warn('invalid_utf8', 'bytes that are not UTF-8 were read as U+FFFD', location);
      const parsed = parseJsonLine(line.text);
      if (!parsed.ok) {
        const last = line.eol === '';
        report.skip(
          last ? 'truncated_record' : 'invalid_json',
          last ? 'the last line is incomplete JSON' : 'the line is not JSON',
          location,
        );
        if (last)
          report.warn('truncated', 'the file ends inside a JSON line (truncated?)', location);
        file.ordinal += 1;
        continue;
      }
      if (parsed.repairedControlCharacters) {
        report.warn(
          'control_character',
          'raw control characters inside strings were read as escaped',
          location,
        );
      }
      if (!isObject(parsed.value)) {
        report.skip('not_an_object', 'the line is JSON but not an object', location);
        file.ordinal += 1;
        continue;
      }
      for (const key of Object.keys(parsed.value)) {
        if (!(GENERIC_FIELDS as readonly string[]).includes(key) && !unknownFields.has(key)) {
          unknownFields.add(key);
          firstUnknownAt ??= location;
        }
      }
      const message = file.toMessage(
        parsed.value as GenericFields & Record<string, unknown>,
        location,
      );
      if (message !== null) yield message;
    }
  }
  if (unknownFields.size > 0) {
    report.warn(
      'fields_not_read',
      `${unknownFields.size} field name(s) other than the generic fields are not read`,
      firstUnknownAt,
    );
  }
}
