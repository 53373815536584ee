import type { AuditAction, AuditEvent, JsonValue } from '../../domain/index.js';
import { type DbBigint, fromDbBigint, fromJson } from './columns.js';

/** A row of `audit_events`. */
export interface AuditEventRow {
  seq: DbBigint;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  case_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  justification: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    seq: fromDbBigint(row.seq),
    at: row.at,
    actor: { kind: row.actor_kind as AuditEvent['actor']['kind'], id: row.actor_id },
    action: row.action as AuditAction,
    caseId: row.case_id,
    subject:
      row.subject_type === null || row.subject_id === null
        ? null
        : { type: row.subject_type, id: row.subject_id },
    justification: row.justification,
    details: fromJson<{ [key: string]: JsonValue }>(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
