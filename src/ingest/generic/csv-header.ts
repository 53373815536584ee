/** Delimiters tried, in order; the first that splits the header into `id` and `text` wins. */
const DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

export interface CsvHeader {
  delimiter: CsvDelimiter;
  /** Column names as found, trimmed and lower-cased for matching. */
  columns: string[];
}

/**
 * Reads the header line from the head of a file: it must name at least `id` and `text`
 * (any case; quoted or not). Null when it does not, so that other CSVs (DiscordChatExporter's)
 * are left to their own importers.
 */
export function readCsvHeader(head: Buffer): CsvHeader | null {
  let text = head.toString('utf8');
  if (text.startsWith('\ufeff')) text = text.slice(1);
  const end = text.search(/\r?\n/);
  if (end < 0 && head.length >= 64 * 1024) return null;
  const line = end < 0 ? text : text.slice(0, end);
  for (const delimiter of DELIMITERS) {
    const columns = line.split(delimiter).map(columnName);
    if (columns.includes('id') && columns.includes('text')) return { delimiter, columns };
  }
  return null;
}

function columnName(raw: string): string {
  const trimmed = raw.trim();
  const unquoted = /^"(.*)"$/.test(trimmed) ? trimmed.slice(1, -1).replace(/""/g, '"') : trimmed;
  return unquoted.trim().toLowerCase();
}
