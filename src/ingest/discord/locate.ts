import { headText } from '../json/entries.js';
import type { ExportEntry, ExportSource } from '../types.js';

export type DiscordFileKind = 'json' | 'csv';

const HEAD_BYTES = 16 * 1024;
const GUILD = /"guild"\s*:\s*\{/;
const CHANNEL = /"channel"\s*:\s*\{/;
const CSV_HEADER =
  /^"?AuthorID"?,"?Author"?,"?Date"?,"?Content"?,"?Attachments"?,"?Reactions"?\r?$/;

/** What a DCE file looks like from its first bytes: JSON with its preamble, or the CSV header. */
export async function discordFileKind(
  source: ExportSource,
  entry: ExportEntry,
): Promise<DiscordFileKind | null> {
  const lower = entry.path.toLowerCase();
  if (entry.path !== '' && !lower.endsWith('.json') && !lower.endsWith('.csv')) return null;
  const head = await headText(source, entry, HEAD_BYTES);
  if (/^\s*\{/.test(head) && GUILD.test(head) && CHANNEL.test(head)) return 'json';
  const firstLine = head.split('\n', 1)[0] ?? '';
  if (CSV_HEADER.test(firstLine)) return 'csv';
  return null;
}

/** Detection looks at this many JSON/CSV entries at most: a Slack zip has thousands. */
const DETECT_CANDIDATES = 64;

/**
 * Every DiscordChatExporter file of the export (one per channel), in entry order. With `detect`,
 * only the first few JSON/CSV entries are looked at, which is enough to say yes or no cheaply.
 */
export async function discordFiles(
  source: ExportSource,
  detect = false,
): Promise<{ entry: ExportEntry; kind: DiscordFileKind }[]> {
  const found: { entry: ExportEntry; kind: DiscordFileKind }[] = [];
  let looked = 0;
  for (const entry of source.entries) {
    const lower = entry.path.toLowerCase();
    if (entry.path !== '' && !lower.endsWith('.json') && !lower.endsWith('.csv')) continue;
    if (detect && ++looked > DETECT_CANDIDATES) break;
    const kind = await discordFileKind(source, entry);
    if (kind !== null) found.push({ entry, kind });
  }
  return found;
}
