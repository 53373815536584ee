import type { Attachment, MessageKind, SourceLocation } from '../../domain/index.js';
import type { ParticipantRecord, StoredMessage } from '../records.js';
import { type DbBool, fromDbBool, fromJson } from './columns.js';

/**
 * The projection every message read goes through: the message and its sender's ordinal. Each
 * backend adds a WHERE clause that always carries `m.in_scope`: out-of-scope messages are stored
 * but no read reaches them.
 */
export const MESSAGE_SELECT = `SELECT m.export_id, m.seq, m.id, m.source_id, m.conversation_id, m.conversation_title, m.sent_at,
  m.sent_at_local, m.kind, m.text, m.attachments, m.edited, m.reply_to, m.source, p.ordinal
  FROM messages m LEFT JOIN participants p ON p.export_id = m.export_id AND p.participant_id = m.sender_id`;

/** A row of MESSAGE_SELECT. */
export interface MessageRow {
  export_id: string;
  seq: number;
  id: string;
  source_id: string | null;
  conversation_id: string;
  conversation_title: string | null;
  sent_at: string | null;
  sent_at_local: string | null;
  kind: string;
  text: string;
  attachments: string;
  edited: DbBool;
  reply_to: string | null;
  source: string;
  ordinal: number | null;
}

/** A row of `participants` that has an ordinal. */
export interface ParticipantRow {
  export_id: string;
  participant_id: string;
  name: string;
  ordinal: number;
}

export function toMessage(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    sourceId: row.source_id,
    exportId: row.export_id,
    seq: row.seq,
    conversationId: row.conversation_id,
    conversationTitle: row.conversation_title,
    senderOrdinal: row.ordinal,
    sentAt: row.sent_at,
    sentAtLocal: row.sent_at_local,
    kind: row.kind as MessageKind,
    text: row.text,
    attachments: fromJson<Attachment[]>(row.attachments),
    edited: fromDbBool(row.edited),
    replyTo: row.reply_to,
    source: fromJson<SourceLocation>(row.source),
  };
}

export function toParticipant(row: ParticipantRow): ParticipantRecord {
  return {
    exportId: row.export_id,
    participantId: row.participant_id,
    name: row.name,
    ordinal: row.ordinal,
  };
}
