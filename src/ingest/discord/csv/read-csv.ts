import {
  ChatscreenError,
  type Conversation,
  type DateOrder,
  messageIdFor,
} from '../../../domain/index.js';
import { warnCount } from '../../json/count-warning.js';

import { baseName, dirName } from '../../json/entries.js';
import type { MessageTimes } from '../../json/instant.js';
import { ParseReportBuilder } from '../../report.js';
import { formatUtc, formatWallTime, type WallTime, type ZoneConverter } from '../../time/zoned.js';
import type { ExportEntry, ImportedMessage } from '../../types.js';
import { discordAttachment } from '../attachments.js';
import type { DiscordReadContext } from '../read-json.js';
import { type CsvDate, classifyCsvDate, numericWall, orderEvidence } from './dates.js';
import { csvRecords } from './records.js';

export const DCE_CSV_HEADER = ['AuthorID', 'Author', 'Date', 'Content', 'Attachments', 'Reactions'];

export interface DiscordCsvContext extends DiscordReadContext {
  zone: ZoneConverter;
  dateOrder: DateOrder | null;
  /** Name of the export when the CSV is the export itself (entry path ''). */
  sourceName: string;
}

function isHeader(fields: string[]): boolean {
  return fields.length === DCE_CSV_HEADER.length && fields.every((f, i) => f === DCE_CSV_HEADER[i]);
}

/** DCE names files `Guild - Category - channel [123456789].csv`: the channel id and title. */
export function csvConversation(fileName: string): Conversation {
  const stem = fileName.replace(/\.csv$/i, '');
  const match = /^(.*?)\s*\[(\d+)\]$/.exec(stem);
  return match === null
    ? { id: stem, title: stem === '' ? null : stem }
    : { id: match[2] ?? stem, title: match[1] === '' ? null : (match[1] ?? null) };
}

/**
 * Settles the day/month order of numeric dates by reading the Date column once: a day above 12
 * decides it. Null when the file has no numeric dates; `ambiguous_date_order` when it has some
 * but none decides, or when they disagree.
 */
async function decideDateOrder(entry: ExportEntry): Promise<DateOrder | null> {
  let numeric = false;
  const seen = new Set<DateOrder>();
  // A throwaway report: the second, real pass reports what this one would.
  for await (const record of csvRecords(entry, new ParseReportBuilder())) {
    const date = classifyCsvDate(record.fields[2] ?? '');
    if (date?.type !== 'numeric') continue;
    numeric = true;
    const evidence = orderEvidence(date);
    if (evidence !== null) seen.add(evidence);
  }
  if (!numeric) return null;
  if (seen.size === 1) return [...seen][0] ?? null;
  throw new ChatscreenError(
    'ambiguous_date_order',
    seen.size === 0
      ? 'no date in this Discord CSV shows whether the day or the month comes first'
      : 'the dates of this Discord CSV fit neither day/month order throughout',
    { option: '--date-order' },
  );
}

function csvTimes(
  date: CsvDate | null,
  order: DateOrder | null,
  zone: ZoneConverter,
): MessageTimes | null {
  if (date === null) return null;
  if (date.type === 'instant') return { sentAt: formatUtc(date.epochMs), sentAtLocal: date.local };
  const wall: WallTime | null =
    date.type === 'wall' ? date.wall : order === null ? null : numericWall(date, order);
  if (wall === null) return null;
  return { sentAt: formatUtc(zone.toInstant(wall).epochMs), sentAtLocal: formatWallTime(wall) };
}

/**
 * Streams one DiscordChatExporter CSV file (one channel). The format has no message type, edit
 * or reply columns: every record is a message (media when it lists attachments), and times
 * without an offset are read in the case's zone.
 */
export async function* readDiscordCsv(
  entry: ExportEntry,
  context: DiscordCsvContext,
): AsyncGenerator<ImportedMessage> {
  const { report, zone } = context;
  const order = context.dateOrder ?? (await decideDateOrder(entry));
  if (order !== null) report.dateOrder = order;
  const conversation = csvConversation(
    entry.path === '' ? context.sourceName : baseName(entry.path),
  );
  const baseDir = dirName(entry.path);
  let ordinal = -1;
  let unreadableTimes = 0;
  for await (const record of csvRecords(entry, report)) {
    if (ordinal === -1) {
      if (!isHeader(record.fields)) {
        throw new ChatscreenError(
          'wrong_format',
          'not a DiscordChatExporter CSV (the header differs)',
          {
            option: '--format',
          },
        );
      }
      ordinal = 0;
      continue;
    }
    const [authorId, author, date, content, attachments] = record.fields;
    const index = ordinal++;
    if (
      record.fields.length !== DCE_CSV_HEADER.length ||
      authorId === undefined ||
      author === undefined ||
      content === undefined
    ) {
      report.skip('unreadable_record', `expected ${DCE_CSV_HEADER.length} fields`, record.location);
      continue;
    }
    const times = csvTimes(classifyCsvDate(date ?? ''), order, zone);
    if (times === null) unreadableTimes++;
    const files = (attachments ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter((url) => url !== '')
      .map((url) => discordAttachment(url, undefined, context.paths, baseDir));
    yield {
      id: messageIdFor(context.exportId, entry.path, index),
      // DiscordChatExporter's CSV has no message ids.
      sourceId: null,
      exportId: context.exportId,
      conversation,
      seq: 0,
      sender: { id: authorId, name: author },
      sentAt: times?.sentAt ?? null,
      sentAtLocal: times?.sentAtLocal ?? null,
      kind: files.length > 0 ? 'media' : 'message',
      text: content,
      attachments: files,
      edited: false,
      replyTo: null,
      source: record.location,
    };
  }
  if (ordinal === -1) {
    throw new ChatscreenError('wrong_format', 'not a DiscordChatExporter CSV (no header)', {
      option: '--format',
    });
  }
  warnCount(
    report,
    'unreadable_time',
    unreadableTimes,
    'messages have a date that could not be read (sentAt is null)',
  );
}
