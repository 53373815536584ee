import {
  messageIdFor,
  type Participant,
  participantIdFromName,
  type SourceLocation,
} from '../../domain/index.js';
import type { EntryPaths } from '../json/entries.js';
import { idKey } from '../json/ordinal-index.js';
import type { ParseReportBuilder } from '../report.js';
import type { ZoneConverter } from '../time/zoned.js';
import type { ImportedMessage } from '../types.js';
import type { ChatState } from './chats.js';
import { isCallAction, messageContent, plainText, type TelegramContent } from './content.js';
import type { TelegramMessage } from './schema.js';
import { telegramTimes } from './times.js';

export interface TelegramFileContext {
  exportId: string;
  /** Path of the JSON file inside the export. */
  file: string;
  /** Folder holding the JSON file: media paths in it are relative to this. */
  baseDir: string;
  paths: EntryPaths;
  zone: ZoneConverter;
  report: ParseReportBuilder;
}

export interface TelegramRecord {
  message: TelegramMessage;
  ordinal: number;
  location: SourceLocation;
}

/** `from_id` ("user123") is the participant id; old exports without it fall back to the name. */
function participant(
  id: string | number | undefined,
  name: string | null | undefined,
): Participant {
  const display = name ?? '';
  return { id: id === undefined ? participantIdFromName(display) : String(id), name: display };
}

/** Returns the message, and whether it replied to something not in the export. */
export function toImportedMessage(
  record: TelegramRecord,
  chat: ChatState,
  file: TelegramFileContext,
): { message: ImportedMessage; unresolvedReply: boolean } {
  const m = record.message;
  const id = messageIdFor(file.exportId, file.file, record.ordinal);
  const key = idKey(m.id);
  if (key !== null) chat.ids.add(key, record.ordinal);

  let replyTo: string | null = null;
  let unresolvedReply = false;
  if (m.reply_to_message_id !== undefined && m.reply_to_peer_id === undefined) {
    const target = idKey(m.reply_to_message_id);
    const ordinal = target === null ? null : chat.ids.get(target);
    if (ordinal !== null && ordinal !== record.ordinal)
      replyTo = messageIdFor(file.exportId, file.file, ordinal);
    else unresolvedReply = true;
  }

  const times = telegramTimes(m, file.zone, file.report, record.location);
  const edited = m.edited !== undefined || m.edited_unixtime !== undefined;
  const service = m.type === 'service';
  const call = service && isCallAction(m.action);
  // Service lines are notices without a sender, except calls, attributed to their actor.
  const content: TelegramContent = service
    ? { kind: call ? 'call' : 'system', text: plainText(m.text), attachments: [] }
    : messageContent(m, file.paths, file.baseDir);
  let sender: Participant | null = null;
  if (!service) sender = participant(m.from_id, m.from);
  else if (call) sender = participant(m.actor_id, m.actor);
  return {
    message: {
      id,
      sourceId: m.id === undefined ? null : String(m.id),
      exportId: file.exportId,
      conversation: chat.conversation,
      seq: 0,
      sender,
      sentAt: times.sentAt,
      sentAtLocal: times.sentAtLocal,
      kind: content.kind,
      text: content.text,
      attachments: content.attachments,
      edited,
      replyTo,
      source: record.location,
    },
    unresolvedReply,
  };
}
