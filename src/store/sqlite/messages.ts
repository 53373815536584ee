import type { Database } from 'better-sqlite3';
import { toJson } from '../rows/columns.js';
import {
  MESSAGE_SELECT,
  type MessageRow,
  type ParticipantRow,
  toMessage,
  toParticipant,
} from '../rows/messages.js';
import type { MessageRepo } from '../store.js';

export function sqliteMessages(db: Database): MessageRepo {
  const insert = db.prepare(
    `INSERT INTO messages (export_id, seq, id, source_id, conversation_id, conversation_title, sender_id,
       sent_at, sent_at_local, kind, text, attachments, edited, reply_to, source, in_scope)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertParticipant = db.prepare(
    'INSERT INTO participants (export_id, participant_id, name, ordinal) VALUES (?, ?, ?, ?)',
  );
  const byId = db.prepare(`${MESSAGE_SELECT} WHERE m.id = ? AND m.in_scope = 1`);
  const range = db.prepare(
    `${MESSAGE_SELECT} WHERE m.export_id = ? AND m.seq BETWEEN ? AND ? AND m.in_scope = 1 ORDER BY m.seq`,
  );
  const before = db.prepare(
    `${MESSAGE_SELECT} WHERE m.export_id = ? AND m.conversation_id = ? AND m.seq < ? AND m.in_scope = 1
     ORDER BY m.seq DESC LIMIT ?`,
  );
  const after = db.prepare(
    `${MESSAGE_SELECT} WHERE m.export_id = ? AND m.conversation_id = ? AND m.seq >= ? AND m.in_scope = 1
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
      const row = byId.get(messageId) as MessageRow | undefined;
      return row === undefined ? null : toMessage(row);
    },
    async range(exportId, firstSeq, lastSeq) {
      return (range.all(exportId, firstSeq, lastSeq) as MessageRow[]).map(toMessage);
    },
    async context(exportId, conversationId, seq, nBefore, nAfter) {
      const earlier = (
        before.all(exportId, conversationId, seq, nBefore) as MessageRow[]
      ).reverse();
      const later = after.all(exportId, conversationId, seq, nAfter + 1) as MessageRow[];
      return [...earlier, ...later].map(toMessage);
    },
    async screenableSeqs(exportId) {
      return screenable.all(exportId) as number[];
    },
    async participantInScope(exportId, ordinal) {
      const row = participant.get(exportId, ordinal) as ParticipantRow | undefined;
      return row === undefined ? null : toParticipant(row);
    },
  };
}
