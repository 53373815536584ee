import { participantLabel } from '../domain/index.js';
import type { FlagRecord, RunRecord, StoredMessage } from '../store/index.js';

/** A message as people see it: the sender pseudonymised ("Participant 3") until unmasked. */
export interface MessageView {
  id: string;
  /** The source's own id for the message (Telegram, Discord, Slack...), null where it has none. */
  sourceId: string | null;
  seq: number;
  conversationId: string;
  conversationTitle: string | null;
  sender: { ordinal: number; label: string } | null;
  sentAt: string | null;
  sentAtLocal: string | null;
  kind: StoredMessage['kind'];
  text: string;
  attachments: StoredMessage['attachments'];
  edited: boolean;
  replyTo: string | null;
  source: StoredMessage['source'];
}

export function messageView(m: StoredMessage): MessageView {
  return {
    id: m.id,
    sourceId: m.sourceId,
    seq: m.seq,
    conversationId: m.conversationId,
    conversationTitle: m.conversationTitle,
    sender:
      m.senderOrdinal === null
        ? null
        : { ordinal: m.senderOrdinal, label: participantLabel(m.senderOrdinal) },
    sentAt: m.sentAt,
    sentAtLocal: m.sentAtLocal,
    kind: m.kind,
    text: m.text,
    attachments: m.attachments,
    edited: m.edited,
    replyTo: m.replyTo,
    source: m.source,
  };
}

/** A flag: the machine's span, category and score, with the model that produced it. */
export interface FlagView {
  id: string;
  runId: string;
  seq: number;
  messageId: string;
  /** The message's place in the export (source order): the queue's conversation order. */
  messageSeq: number;
  /** UTF-16 code units into the message text, end exclusive. */
  start: number;
  end: number;
  category: FlagRecord['category'];
  score: number;
  text: string;
  model: RunRecord['model'];
}

export function flagView(flag: FlagRecord, run: RunRecord): FlagView {
  return {
    id: flag.id,
    runId: flag.runId,
    seq: flag.seq,
    messageId: flag.messageId,
    messageSeq: flag.messageSeq,
    start: flag.start,
    end: flag.end,
    category: flag.category,
    score: flag.score,
    text: flag.text,
    model: run.model,
  };
}
