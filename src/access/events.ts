import type { AuditAction, AuditEvent, JsonValue } from '../domain/index.js';
import type { StoreTx } from '../store/index.js';
import { type ActionContext, auditActor } from './context.js';

export interface EventSpec {
  action: AuditAction;
  caseId: string | null;
  subject: { type: string; id: string } | null;
  /** Identifiers and counts only: never message text, participant names or tokens. */
  details?: { [key: string]: JsonValue };
  /** Overrides the request's justification (a decision's or an unmasking's reason). */
  justification?: string | null;
}

/**
 * Appends the audit event for a change inside the change's own transaction (GUIDE §2): both
 * commit or neither does.
 */
export function recordEvent(tx: StoreTx, ctx: ActionContext, spec: EventSpec): Promise<AuditEvent> {
  return tx.audit.append({
    at: ctx.now().toISOString(),
    actor: auditActor(ctx.actor),
    action: spec.action,
    caseId: spec.caseId,
    subject: spec.subject,
    justification: spec.justification === undefined ? ctx.justification : spec.justification,
    details: spec.details ?? {},
  });
}
