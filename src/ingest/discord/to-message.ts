import {
  type Attachment,
  type Conversation,
  messageIdFor,
  type SourceLocation,
} from '../../domain/index.js';
import type { EntryPaths } from '../json/entries.js';
import { parseIsoWithOffset } from '../json/instant.js';
import { idKey, type OrdinalIndex } from '../json/ordinal-index.js';
import { formatUtc } from '../time/zoned.js';
import type { ImportedMessage } from '../types.js';
import { discordAttachment } from './attachments.js';
import { discordKind } from './kinds.js';
import type { DceMessage } from './schema.js';

export interface DiscordFileContext {
  exportId: string;
  file: string;
  baseDir: string;
  paths: EntryPaths;
  conversation: Conversation;
  /** Discord message id (snowflake) → ordinal in this file, for replies. */
  ids: OrdinalIndex;
}

export interface DiscordMapped {
  message: ImportedMessage;
  unreadableTime: boolean;
  unresolvedReply: boolean;
}

/**
 * One DCE message. The timestamp carries the exporting machine's offset: the instant comes from
 * it, and the wall clock is kept as written. The author's server nickname is the name people saw.
 */
export function dceToMessage(
  m: DceMessage,
  ordinal: number,
  location: SourceLocation,
  file: DiscordFileContext,
): DiscordMapped {
  const key = idKey(m.id);
  if (key !== null) file.ids.add(key, ordinal);
  const time = parseIsoWithOffset(m.timestamp);

  let replyTo: string | null = null;
  let unresolvedReply = false;
  const ref = m.reference;
  if (ref?.messageId && (!ref.channelId || ref.channelId === file.conversation.id)) {
    const target = idKey(ref.messageId);
    const found = target === null ? null : file.ids.get(target);
    if (found !== null && found !== ordinal)
      replyTo = messageIdFor(file.exportId, file.file, found);
    else unresolvedReply = true;
  }

  const attachments: Attachment[] = [
    ...(m.attachments ?? []).map((a) =>
      discordAttachment(a.url, a.fileName, file.paths, file.baseDir),
    ),
    ...(m.stickers ?? []).map((s) => ({
      ...discordAttachment(s.sourceUrl, undefined, file.paths, file.baseDir),
      type: 'sticker' as const,
    })),
  ];
  const kind = discordKind(m.type, attachments.length > 0);
  return {
    message: {
      id: messageIdFor(file.exportId, file.file, ordinal),
      sourceId: m.id,
      exportId: file.exportId,
      conversation: file.conversation,
      seq: 0,
      sender:
        kind === 'system' ? null : { id: m.author.id, name: m.author.nickname ?? m.author.name },
      sentAt: time === null ? null : formatUtc(time.epochMs),
      sentAtLocal: time?.local ?? null,
      kind,
      text: m.content,
      attachments,
      edited: typeof m.timestampEdited === 'string' && m.timestampEdited !== '',
      replyTo,
      source: location,
    },
    unreadableTime: time === null,
    unresolvedReply,
  };
}
