import { ChatscreenError, isChatscreenError, type SourceLocation } from '../../domain/index.js';
import type { EntryPaths } from '../json/entries.js';
import { scanJsonEntry } from '../json/scan-entry.js';
import type { ParseReportBuilder } from '../report.js';
import type { ExportEntry } from '../types.js';
import { classicRecord, e2eeRecord, type MessengerRecord } from './content.js';
import type { ThreadFiles } from './layout.js';
import type { MojibakeRepairer } from './mojibake.js';
import { classicMessage, e2eeMessage } from './schema.js';

export interface ThreadItem {
  record: MessengerRecord;
  file: string;
  ordinal: number;
  location: SourceLocation;
}

export interface ThreadRead {
  /** In chronological order (see `chronological`). */
  items: ThreadItem[];
  title: string | null;
  threadPath: string | null;
  readableFiles: number;
  failures: ChatscreenError[];
}

interface Placed extends ThreadItem {
  /** File rank in numeric order, then position within the file in the export's time order. */
  rank: number;
  position: number;
}

function isE2ee(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('senderName' in value || 'isUnsent' in value || !('timestamp_ms' in value))
  );
}

/**
 * Reads one file of a thread whole: its records, and the title written after them (classic
 * files put `title` after `messages`). A file that fails part-way contributes nothing and is
 * returned as a failure, so a thread never holds half a file.
 */
async function readThreadFile(
  entry: ExportEntry,
  rank: number,
  media: { paths: EntryPaths; root: string },
  repair: MojibakeRepairer,
  report: ParseReportBuilder,
): Promise<
  { placed: Placed[]; title: string | null; threadPath: string | null } | ChatscreenError
> {
  const placed: Placed[] = [];
  let title: string | null = null;
  let threadPath: string | null = null;
  let classic = true;
  try {
    const events = scanJsonEntry(entry, {
      arrays: ['messages'],
      fields: ['title', 'threadName', 'thread_path'],
      warn: (code, detail, location) => report.warn(code, detail, location),
    });
    for await (const event of events) {
      if (event.kind === 'field' && typeof event.value === 'string') {
        if (event.field === 2) threadPath = event.value;
        else title = repair.text(event.value);
      } else if (event.kind === 'invalidElement') {
        report.skip(
          'malformed_record',
          `not valid JSON from byte ${event.errorAt}`,
          event.location,
        );
      } else if (event.kind === 'element') {
        const e2ee = isE2ee(event.value);
        const context = { ...media, file: entry.path };
        let record: MessengerRecord | null = null;
        if (e2ee) {
          const parsed = e2eeMessage.safeParse(event.value);
          if (parsed.success) record = e2eeRecord(parsed.data, context, repair);
        } else {
          const parsed = classicMessage.safeParse(event.value);
          if (parsed.success) record = classicRecord(parsed.data, context, repair);
        }
        if (record === null) {
          if (placed.length === 0) {
            return new ChatscreenError('wrong_format', 'the records are not Messenger messages', {
              location: event.location,
              option: '--format',
            });
          }
          report.skip('unreadable_record', 'not a Messenger message record', event.location);
          continue;
        }
        classic = !e2ee;
        placed.push({
          record,
          file: entry.path,
          ordinal: event.ordinal,
          location: event.location,
          rank,
          position: event.index,
        });
      } else if (event.kind === 'end' && (event.rootType !== 'object' || event.arrays === 0)) {
        return new ChatscreenError('wrong_format', 'no Messenger messages array in this file', {
          location: { file: entry.path, byteOffset: 0, byteLength: event.bytes, line: 1 },
          option: '--format',
        });
      }
    }
  } catch (error) {
    if (isChatscreenError(error)) return error;
    throw error;
  }
  // Classic files list the newest message first; E2EE files the oldest first.
  if (classic) for (const p of placed) p.position = placed.length - 1 - p.position;
  return { placed, title, threadPath };
}

/**
 * Puts a thread's records in chronological order: a stable sort by timestamp, ties kept in the
 * export's own time order (files in numeric order, each read oldest to newest). Sorting rather
 * than reversing makes the result right whichever way a given export numbers its files.
 */
function chronological(placed: Placed[]): ThreadItem[] {
  placed.sort((a, b) => a.rank - b.rank || a.position - b.position);
  const keyed = placed.map((item, order) => ({ item, order, time: item.record.epochMs }));
  keyed.sort((a, b) => a.time - b.time || a.order - b.order);
  return keyed.map(({ item }) => ({
    record: item.record,
    file: item.file,
    ordinal: item.ordinal,
    location: item.location,
  }));
}

/** Reads every file of a thread; unreadable files are reported by the caller from `failures`. */
export async function readThread(
  thread: ThreadFiles,
  paths: EntryPaths,
  repair: MojibakeRepairer,
  report: ParseReportBuilder,
): Promise<ThreadRead> {
  const all: Placed[] = [];
  const failures: ChatscreenError[] = [];
  let title: string | null = null;
  let threadPath: string | null = null;
  let readableFiles = 0;
  for (const [rank, entry] of thread.files.entries()) {
    const file = await readThreadFile(entry, rank, { paths, root: thread.root }, repair, report);
    if (file instanceof ChatscreenError) {
      failures.push(file);
      continue;
    }
    readableFiles++;
    all.push(...file.placed);
    title ??= file.title;
    threadPath ??= file.threadPath;
  }
  return { items: chronological(all), title, threadPath, readableFiles, failures };
}
