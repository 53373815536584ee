import { toJson } from '../rows/columns.js';
import {
  MESSAGE_SELECT,
  type MessageRow,
  type ParticipantRow,
  toMessage,
  toParticipant,
} from '../rows/messages.js';
import type { MessageRepo } from '../store.js';
import type { Db } from './db.js';

// One statement per chunk: the columns travel as arrays and unnest pairs them up again.
const INSERT = `INSERT INTO messages (export_id, seq, id, source_id, conversation_id, conversation_title,
    sender_id, sent_at, sent_at_local, kind, text, attachments, edited, reply_to, source, in_scope)
  SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::boolean[], $14::text[],
    $15::text[], $16::boolean[])`;

export function pgMessages(db: Db): MessageRepo {
  return {
    async insertMany(exportId, messages) {
      if (messages.length === 0) return;
      await db.run(INSERT, [
        exportId,
        messages.map((m) => m.seq),
        messages.map((m) => m.id),
        messages.map((m) => m.sourceId),
        messages.map((m) => m.conversationId),
        messages.map((m) => m.conversationTitle),
        messages.map((m) => m.senderId),
        messages.map((m) => m.sentAt),
        messages.map((m) => m.sentAtLocal),
        messages.map((m) => m.kind),
        messages.map((m) => m.text),
        messages.map((m) => toJson(m.attachments)),
        messages.map((m) => m.edited),
        messages.map((m) => m.replyTo),
        messages.map((m) => toJson(m.source)),
        messages.map((m) => m.inScope),
      ]);
    },
    async insertParticipants(participants) {
      if (participants.length === 0) return;
      await db.run(
        `INSERT INTO participants (export_id, participant_id, name, ordinal)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[])`,
        [
          participants.map((p) => p.exportId),
          participants.map((p) => p.participantId),
          participants.map((p) => p.name),
          participants.map((p) => p.ordinal),
        ],
      );
    },
    async get(messageId) {
      const row = await db.one<MessageRow>(`${MESSAGE_SELECT} WHERE m.id = $1 AND m.in_scope`, [
        messageId,
      ]);
      return row === null ? null : toMessage(row);
    },
    async range(exportId, firstSeq, lastSeq) {
      const rows = await db.rows<MessageRow>(
        `${MESSAGE_SELECT} WHERE m.export_id = $1 AND m.seq BETWEEN $2 AND $3 AND m.in_scope ORDER BY m.seq`,
        [exportId, firstSeq, lastSeq],
      );
      return rows.map(toMessage);
    },
    async context(exportId, conversationId, seq, nBefore, nAfter) {
      const earlier = await db.rows<MessageRow>(
        `${MESSAGE_SELECT} WHERE m.export_id = $1 AND m.conversation_id = $2 AND m.seq < $3 AND m.in_scope
         ORDER BY m.seq DESC LIMIT $4`,
        [exportId, conversationId, seq, nBefore],
      );
      const later = await db.rows<MessageRow>(
        `${MESSAGE_SELECT} WHERE m.export_id = $1 AND m.conversation_id = $2 AND m.seq >= $3 AND m.in_scope
         ORDER BY m.seq LIMIT $4`,
        [exportId, conversationId, seq, nAfter + 1],
      );
      return [...earlier.reverse(), ...later].map(toMessage);
    },
    async screenableSeqs(exportId) {
      const rows = await db.rows<{ seq: number }>(
        `SELECT seq FROM messages WHERE export_id = $1 AND in_scope AND length(text) > 0 ORDER BY seq`,
        [exportId],
      );
      return rows.map((row) => row.seq);
    },
    async participantInScope(exportId, ordinal) {
      const row = await db.one<ParticipantRow>(
        'SELECT * FROM participants WHERE export_id = $1 AND ordinal = $2',
        [exportId, ordinal],
      );
      return row === null ? null : toParticipant(row);
    },
  };
}
