import {
  ChatscreenError,
  type Conversation,
  messageIdFor,
  participantIdFromName,
} from '../../domain/index.js';
import { EntryPaths } from '../json/entries.js';
import { timesFromEpochMs } from '../json/instant.js';
import { ZoneConverter } from '../time/zoned.js';
import type { ExportSource, ImportContext, ImportedMessage } from '../types.js';
import { messengerLayout, type ThreadFiles } from './layout.js';
import { MojibakeRepairer } from './mojibake.js';
import { readThread, type ThreadRead } from './thread.js';

function conversationOf(thread: ThreadFiles, read: ThreadRead, sourceName: string): Conversation {
  const fromPath = thread.key.split('/messages/').pop() ?? thread.key;
  const id = read.threadPath ?? (thread.key === '' ? sourceName : fromPath.replace(/\.json$/i, ''));
  return { id, title: read.title };
}

/**
 * Reads a Messenger or Instagram export thread by thread (threads in path order). Within a
 * thread, `seq` follows time: files are read in numeric order (message_2 before message_10),
 * then the thread is put in chronological order, so newest-first files come out oldest first.
 * Each record's id and `source` still name its own file and position there.
 */
export async function* readMessenger(
  source: ExportSource,
  context: ImportContext,
): AsyncGenerator<ImportedMessage> {
  const layout = await messengerLayout(source);
  if (layout === null) {
    throw new ChatscreenError(
      'wrong_format',
      'no Messenger or Instagram message files in this export',
      {
        option: '--format',
      },
    );
  }
  const { report } = context;
  report.variant = layout.variant;
  const used = new Set(layout.threads.flatMap((t) => t.files));
  for (const e of source.entries)
    report.noteFile(e.path, e.size, used.has(e) ? 'messages' : 'media');
  const zone = new ZoneConverter(context.timezone);
  const paths = new EntryPaths(source);
  const repair = new MojibakeRepairer();
  let readable = 0;
  let firstFailure: ChatscreenError | null = null;
  for (const thread of layout.threads) {
    const read = await readThread(thread, paths, repair, report);
    readable += read.readableFiles;
    for (const failure of read.failures) {
      report.skip('unreadable_file', `file skipped: ${failure.message}`, failure.location);
      firstFailure ??= failure;
    }
    const conversation = conversationOf(thread, read, source.name);
    for (const { record, file, ordinal, location } of read.items) {
      const name = record.senderName;
      const times = timesFromEpochMs(record.epochMs, zone);
      yield {
        id: messageIdFor(context.exportId, file, ordinal),
        sourceId: record.sourceId,
        exportId: context.exportId,
        conversation,
        seq: 0,
        sender:
          record.kind === 'system' || name === null
            ? null
            : { id: participantIdFromName(name), name },
        sentAt: times.sentAt,
        sentAtLocal: times.sentAtLocal,
        kind: record.kind,
        text: record.text,
        attachments: record.attachments,
        edited: false,
        replyTo: null,
        source: location,
      };
    }
  }
  if (readable === 0 && firstFailure !== null) throw firstFailure;
  if (repair.repaired > 0) {
    report.warn(
      'mojibake_repaired',
      `${repair.repaired} strings stored as Latin-1 mojibake were decoded as UTF-8 (correctly written text was left alone)`,
      null,
    );
  }
}
