import type { AuditAction, AuditEvent, JsonValue } from '../../domain/index.js';
import { type DbBigint, fromDbBigint, fromJson, toJson } from './columns.js';

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

/** The columns of `audit_events`, in the order auditEventValues gives them. */
export const AUDIT_EVENT_COLUMNS = `seq, at, actor_kind, actor_id, action, case_id, subject_type,
  subject_id, justification, details, prev_hash, hash`;

/** The details are stored as the JSON text written here, which is never re-serialised. */
export function auditEventValues(event: AuditEvent): (string | number | null)[] {
  return [
    event.seq,
    event.at,
    event.actor.kind,
    event.actor.id,
    event.action,
    event.caseId,
    event.subject?.type ?? null,
    event.subject?.id ?? null,
    event.justification,
    toJson(event.details),
    event.prevHash,
    event.hash,
  ];
}
