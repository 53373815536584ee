import type { Database } from 'better-sqlite3';
import {
  type AuditEvent,
  type AuditEventInput,
  auditEventHash,
  GENESIS_HASH,
} from '../../domain/index.js';
import {
  AUDIT_EVENT_COLUMNS,
  type AuditEventRow,
  auditEventValues,
  toAuditEvent,
} from '../rows/audit.js';
import { auditListQuery, type CaseIdIn } from '../sql/audit-list.js';
import { questionMark } from '../sql/where.js';
import type { AuditRepo } from '../store.js';

const caseIdIn: CaseIdIn = (caseIds, w) =>
  caseIds.length > 0 ? `case_id IN (${caseIds.map((id) => w.bind(id)).join(', ')})` : '0';

export function sqliteAudit(db: Database): AuditRepo {
  const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
  const insert = db.prepare(
    `INSERT INTO audit_events (${AUDIT_EVENT_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const moveHead = db.prepare(
    `INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
  );
  const scan = db.prepare('SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?');
  return {
    // The caller's transaction is BEGIN IMMEDIATE: the head read and the insert are serialised.
    async append(input: AuditEventInput) {
      const current = head.get() as { seq: number; hash: string } | undefined;
      const seq = (current?.seq ?? 0) + 1;
      const prevHash = current?.hash ?? GENESIS_HASH;
      const unhashed = { ...input, seq, prevHash };
      const event: AuditEvent = { ...unhashed, hash: auditEventHash(unhashed) };
      insert.run(...auditEventValues(event));
      moveHead.run(event.seq, event.hash);
      return event;
    },
    async list(query) {
      const { sql, params } = auditListQuery(query, questionMark, caseIdIn);
      return (db.prepare(sql).all(...params) as AuditEventRow[]).map(toAuditEvent);
    },
    async scan(afterSeq, limit) {
      return (scan.all(afterSeq, limit) as AuditEventRow[]).map(toAuditEvent);
    },
    async head() {
      const current = head.get() as { seq: number; hash: string } | undefined;
      return current === undefined ? null : { seq: current.seq, hash: current.hash };
    },
  };
}
