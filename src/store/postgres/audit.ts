import { type AuditEvent, type AuditEventInput, auditEventHash } from '../../domain/index.js';
import {
  AUDIT_EVENT_COLUMNS,
  type AuditEventRow,
  auditEventValues,
  toAuditEvent,
} from '../rows/audit.js';
import { auditListQuery, type CaseIdIn } from '../sql/audit-list.js';
import { dollarNumber } from '../sql/where.js';
import type { AuditRepo } from '../store.js';
import type { Db } from './db.js';

const caseIdIn: CaseIdIn = (caseIds, w) =>
  caseIds.length > 0 ? `case_id = ANY(${w.bind([...caseIds])}::text[])` : 'false';

export function pgAudit(db: Db): AuditRepo {
  return {
    /**
     * Appends are serialised by the head row's lock: `FOR UPDATE` waits for any other
     * transaction that appended and has not yet committed, then reads the head it left. The
     * lock is held to the end of this transaction, so the event, the head move and the change
     * being audited commit together, and the next appender chains onto exactly this event. The
     * primary key on seq and the unique prev_hash refuse a fork should anything bypass the lock.
     */
    async append(input: AuditEventInput) {
      const head = await db.one<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
      );
      if (head === null) throw new Error('audit_head row missing: the schema is not migrated');
      const seq = Number(head.seq) + 1;
      const unhashed = { ...input, seq, prevHash: head.hash };
      const event: AuditEvent = { ...unhashed, hash: auditEventHash(unhashed) };
      await db.run(
        `INSERT INTO audit_events (${AUDIT_EVENT_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        auditEventValues(event),
      );
      await db.run('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [
        event.seq,
        event.hash,
      ]);
      return event;
    },
    async list(query) {
      const { sql, params } = auditListQuery(query, dollarNumber, caseIdIn);
      return (await db.rows<AuditEventRow>(sql, params)).map(toAuditEvent);
    },
    async scan(afterSeq, limit) {
      const rows = await db.rows<AuditEventRow>(
        'SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2',
        [afterSeq, limit],
      );
      return rows.map(toAuditEvent);
    },
    async head() {
      const row = await db.one<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_head WHERE id = 1',
      );
      // seq 0 is the genesis row the migration writes: no event yet.
      return row === null || Number(row.seq) === 0
        ? null
        : { seq: Number(row.seq), hash: row.hash };
    },
  };
}
