import type { Database } from 'better-sqlite3';
import type { Attachment, MessageKind, SourceLocation } from '../../domain/index.js';
import type { ParticipantRecord, StoredMessage } from '../records.js';
import type { MessageRepo } from '../store.js';
import { fromJson, toJson } from './json.js';

interface Row {
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
  edited: number;
  reply_to: string | null;
  source: string;
  ordinal: number | null;
}

function toMessage(row: Row): StoredMessage {
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
    edited: row.edited === 1,
    replyTo: row.reply_to,
    source: fromJson<SourceLocation>(row.source),
  };
}

// Every read goes through this projection, and every WHERE clause carries `m.in_scope = 1`:
// out-of-scope messages are stored but no read reaches them.
const SELECT = `SELECT m.export_id, m.seq, m.id, m.source_id, m.conversation_id, m.conversation_title, m.sent_at,
  m.sent_at_local, m.kind, m.text, m.attachments, m.edited, m.reply_to, m.source, p.ordinal
  FROM messages m LEFT JOIN participants p ON p.export_id = m.export_id AND p.participant_id = m.sender_id`;

export function sqliteMessages(db: Database): MessageRepo {
  const insert = db.prepare(
    `INSERT INTO messages (export_id, seq, id, source_id, conversation_id, conversation_title, sender_id,
       sent_at, sent_at_local, kind, text, attachments, edited, reply_to, source, in_scope)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertParticipant = db.prepare(
    'INSERT INTO participants (export_id, participant_id, name, ordinal) VALUES (?, ?, ?, ?)',
  );
  const byId = db.prepare(`${SELECT} WHERE m.id = ? AND m.in_scope = 1`);
  const range = db.prepare(
    `${SELECT} WHERE m.export_id = ? AND m.seq BETWEEN ? AND ? AND m.in_scope = 1 ORDER BY m.seq`,
  );
  const before = db.prepare(
    `${SELECT} WHERE m.export_id = ? AND m.conversation_id = ? AND m.seq < ? AND m.in_scope = 1
     ORDER BY m.seq DESC LIMIT ?`,
  );
  const after = db.prepare(
    `${SELECT} WHERE m.export_id = ? AND m.conversation_id = ? AND m.seq >= ? AND m.in_scope = 1
     ORDER BY m.seq LIMIT ?`,
  );
  const screenable = db
    .prepare(
      `SELECT seq FROM messages WHERE export_id = ? AND in_scope = 1 AND length(text) > 0 ORDER BY seq`,
    )
    .pluck();
  const participant = db.prepare(
    'SELECT * FROM participants WHERE export_id = ? AND ordinal = ? AND ordinal IS NOT NULL',
  );
  return {
    async insertMany(exportId, messages) {
      for (const m of messages) {
        insert.run(
          exportId,
          m.seq,
          m.id,
          m.sourceId,
          m.conversationId,
          m.conversationTitle,
          m.senderId,
          m.sentAt,
          m.sentAtLocal,
          m.kind,
          m.text,
          toJson(m.attachments),
          m.edited ? 1 : 0,
          m.replyTo,
          toJson(m.source),
          m.inScope ? 1 : 0,
        );
      }
    },
    async insertParticipants(participants) {
      for (const p of participants) {
        insertParticipant.run(p.exportId, p.participantId, p.name, p.ordinal);
      }
    },
    async get(messageId) {
      const row = byId.get(messageId) as Row | undefined;
      return row === undefined ? null : toMessage(row);
    },
    async range(exportId, firstSeq, lastSeq) {
      return (range.all(exportId, firstSeq, lastSeq) as Row[]).map(toMessage);
    },
    async context(exportId, conversationId, seq, nBefore, nAfter) {
      const earlier = (before.all(exportId, conversationId, seq, nBefore) as Row[]).reverse();
      const later = after.all(exportId, conversationId, seq, nAfter + 1) as Row[];
      return [...earlier, ...later].map(toMessage);
    },
    async screenableSeqs(exportId) {
      return screenable.all(exportId) as number[];
    },
    async participantInScope(exportId, ordinal) {
      const row = participant.get(exportId, ordinal) as
        | { export_id: string; participant_id: string; name: string; ordinal: number }
        | undefined;
      if (row === undefined) return null;
      const record: ParticipantRecord = {
        exportId: row.export_id,
        participantId: row.participant_id,
        name: row.name,
        ordinal: row.ordinal,
      };
      return record;
    },
  };
}
