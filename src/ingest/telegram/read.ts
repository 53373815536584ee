import { ChatscreenError } from '../../domain/index.js';
import { warnCount } from '../json/count-warning.js';
import { dirName, EntryPaths, headText } from '../json/entries.js';
import { scanJsonEntry } from '../json/scan-entry.js';
import { ZoneConverter } from '../time/zoned.js';
import type { ExportSource, ImportContext, ImportedMessage } from '../types.js';
import { CHAT_FIELDS, type ChatState, ChatTracker, MESSAGE_ARRAYS } from './chats.js';
import { HEAD_BYTES, startsWithObject } from './detect.js';
import { telegramEntry } from './locate.js';
import { telegramMessage } from './schema.js';
import { type TelegramFileContext, toImportedMessage } from './to-message.js';

function wrongFormat(detail: string): ChatscreenError {
  return new ChatscreenError('wrong_format', detail, { option: '--format' });
}

/**
 * Streams a Telegram Desktop JSON export: messages are yielded as the scanner finds them, in file
 * order, each chat (of a whole-account export) its own conversation. Memory is bounded by one
 * record plus a 16-byte-per-message reply index of the current chat.
 */
export async function* readTelegram(
  source: ExportSource,
  context: ImportContext,
): AsyncGenerator<ImportedMessage> {
  const entry = telegramEntry(source);
  if (entry === null) throw wrongFormat('no Telegram result.json in this export');
  if (!startsWithObject(await headText(source, entry, HEAD_BYTES))) {
    throw wrongFormat('not a Telegram Desktop JSON export (it is not a JSON object)');
  }
  const { report } = context;
  const baseDir = dirName(entry.path);
  for (const e of source.entries) {
    report.noteFile(
      e.path,
      e.size,
      e === entry ? 'messages' : e.path.startsWith(baseDir) ? 'media' : 'ignored',
    );
  }
  const file: TelegramFileContext = {
    exportId: context.exportId,
    file: entry.path,
    baseDir,
    paths: new EntryPaths(source),
    zone: new ZoneConverter(context.timezone),
    report,
  };
  const chats = new ChatTracker();
  let chat: ChatState | null = null;
  let read = 0;
  let unresolvedReplies = 0;
  const events = scanJsonEntry(entry, {
    arrays: MESSAGE_ARRAYS,
    fields: CHAT_FIELDS,
    warn: (code, detail, location) => report.warn(code, detail, location),
  });
  for await (const event of events) {
    switch (event.kind) {
      case 'field':
        chats.noteField(event);
        break;
      case 'arrayStart':
        chat = chats.begin(event);
        report.variant = event.target === 0 ? 'single' : 'account';
        break;
      case 'invalidElement':
        report.skip(
          'malformed_record',
          `not valid JSON from byte ${event.errorAt}`,
          event.location,
        );
        break;
      case 'element': {
        const parsed = telegramMessage.safeParse(event.value);
        if (!parsed.success || chat === null) {
          if (read === 0) throw wrongFormat('the records are not Telegram messages');
          report.skip('unreadable_record', 'not a Telegram message record', event.location);
          break;
        }
        read++;
        const record = { message: parsed.data, ordinal: event.ordinal, location: event.location };
        const { message, unresolvedReply } = toImportedMessage(record, chat, file);
        if (unresolvedReply) unresolvedReplies++;
        yield message;
        break;
      }
      case 'end':
        if (event.rootType !== 'object' || event.arrays === 0) {
          throw wrongFormat('no Telegram messages array in this JSON file');
        }
        break;
      default:
        break;
    }
  }
  if (chats.lateMetadata > 0) {
    report.warn(
      'late_chat_metadata',
      'chat name or id written after its messages; not used for them',
      null,
    );
  }
  warnCount(
    report,
    'reply_target_missing',
    unresolvedReplies,
    'replies refer to messages that are not in the export (replyTo is null)',
  );
}
