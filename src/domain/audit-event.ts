import { createHash } from 'node:crypto';

/**
 * The audit log's event and the rule that chains events together. Each event's hash covers its
 * canonical content (seq included, so reordering shows) and the previous event's hash, so an
 * edited, deleted or reordered event breaks the chain from that point on.
 */
export const AUDIT_ACTIONS = [
  'user.created',
  'user.disabled',
  'user.token_issued',
  'case.created',
  'case.closed',
  'member.added',
  'export.uploaded',
  'run.started',
  'run.completed',
  'run.failed',
  'flags.listed',
  'flags.streamed',
  'flag.read',
  'participant.unmasked',
  'decision.recorded',
  'report.exported',
  'replay.started',
  'replay.completed',
  'audit.listed',
  'decisions.listed',
  'qc.sampled',
  'qc.item.read',
  'qc.decision.recorded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export interface AuditActor {
  kind: 'user' | 'operator' | 'system';
  /** User id for `user`, the OS account for `operator`, null for `system`. */
  id: string | null;
}

/** What a change records about itself; the store adds seq, hashes and writes it in the same transaction. */
export interface AuditEventInput {
  at: string;
  actor: AuditActor;
  action: AuditAction;
  caseId: string | null;
  subject: { type: string; id: string } | null;
  /** The reason the person gave (required for reads and disclosures of content). */
  justification: string | null;
  /** Identifiers and counts only: never message text, participant names or tokens. */
  details: { [key: string]: JsonValue };
}

export interface AuditEvent extends AuditEventInput {
  /** 1, 2, 3... without gaps. */
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: one byte sequence per value. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const parts: string[] = [];
    for (const key of keys) {
      const item = value[key];
      if (item !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditEventHash(event: Omit<AuditEvent, 'hash'>): string {
  const content: JsonValue = {
    seq: event.seq,
    at: event.at,
    actor: { kind: event.actor.kind, id: event.actor.id },
    action: event.action,
    caseId: event.caseId,
    subject: event.subject === null ? null : { type: event.subject.type, id: event.subject.id },
    justification: event.justification,
    details: event.details,
    prevHash: event.prevHash,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
