import { type Conversation, messageIdFor, type SourceLocation } from '../../domain/index.js';
import type { EntryPaths } from '../json/entries.js';
import { slackTsToMs, timesFromEpochMs } from '../json/instant.js';
import type { ZoneConverter } from '../time/zoned.js';
import type { ImportedMessage } from '../types.js';
import { slackAttachments, slackSender, slackShape } from './content.js';
import { renderSlackMarkup } from './markup.js';
import type { SlackDirectory } from './metadata.js';
import type { SlackMessage } from './schema.js';

export interface SlackConversationContext {
  exportId: string;
  root: string;
  folder: string;
  conversation: Conversation;
  directory: SlackDirectory;
  paths: EntryPaths;
  zone: ZoneConverter;
  /** Thread parent ts → our message id, for this conversation. */
  threads: Map<string, string>;
}

export interface SlackMapped {
  message: ImportedMessage;
  unresolvedReply: boolean;
}

/**
 * One day-file record. `ts` is the instant (UTC); the wall clock is that instant in the case's
 * zone, since Slack writes none. A reply (`thread_ts` other than its own `ts`) points at the
 * thread's parent, which is always earlier in the export.
 */
export function slackToMessage(
  m: SlackMessage,
  file: string,
  ordinal: number,
  location: SourceLocation,
  c: SlackConversationContext,
): SlackMapped {
  const id = messageIdFor(c.exportId, file, ordinal);
  const shape = slackShape(m);
  const threadTs = shape.body.thread_ts ?? m.thread_ts ?? null;
  let replyTo: string | null = null;
  let unresolvedReply = false;
  if (threadTs !== null && threadTs !== m.ts) {
    replyTo = c.threads.get(threadTs) ?? null;
    unresolvedReply = replyTo === null;
  } else if (threadTs === m.ts) {
    c.threads.set(m.ts, id);
  }
  const epochMs = slackTsToMs(m.ts);
  const times =
    epochMs === null ? { sentAt: null, sentAtLocal: null } : timesFromEpochMs(epochMs, c.zone);
  const names = {
    user: (userId: string) => c.directory.users.get(userId) ?? null,
    channel: (channelId: string) => c.directory.channelNames.get(channelId) ?? null,
  };
  const attachments = slackAttachments(shape.body.files, c.folder, c.root, c.paths);
  const kind = shape.kind === 'message' && attachments.length > 0 ? 'media' : shape.kind;
  return {
    message: {
      id,
      // `ts` identifies a message within its channel.
      sourceId: `${c.conversation.id}/${m.ts}`,
      exportId: c.exportId,
      conversation: c.conversation,
      seq: 0,
      sender: kind === 'system' ? null : slackSender(shape.body, m, c.directory),
      sentAt: times.sentAt,
      sentAtLocal: times.sentAtLocal,
      kind,
      text: renderSlackMarkup(shape.body.text ?? '', names),
      attachments,
      edited: shape.edited,
      replyTo,
      source: location,
    },
    unresolvedReply,
  };
}
