import { type ActionContext, recordEvent, requireGlobal } from '../access/index.js';
import type { AuditEvent } from '../domain/index.js';
import type { AuditQuery } from '../store/index.js';
import { type ChainAnchor, type ChainVerification, verifyChain } from './verify.js';

export interface AuditFilters {
  caseId?: string | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  afterSeq: number;
  limit: number;
}

/**
 * The event log for an auditor: events of the cases they are a member of, and events about no
 * case (users, the service). Reading the log is itself recorded.
 */
export async function listAuditEvents({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: AuditFilters;
}): Promise<{ items: AuditEvent[]; nextAfterSeq: number | null }> {
  requireGlobal(ctx, 'audit.read');
  const { actor } = ctx;
  return ctx.store.transaction(async (tx) => {
    const query: AuditQuery = { afterSeq: input.afterSeq, limit: input.limit };
    if (actor.kind === 'user') {
      const mine = (await tx.cases.listForUser(actor.userId)).map((c) => c.id);
      query.caseIds = input.caseId === undefined ? mine : mine.filter((id) => id === input.caseId);
      query.includeCaseless = input.caseId === undefined;
    } else if (input.caseId !== undefined) {
      query.caseIds = [input.caseId];
    }
    if (input.action !== undefined) query.action = input.action;
    if (input.actorId !== undefined) query.actorId = input.actorId;
    if (input.from !== undefined) query.from = input.from;
    if (input.to !== undefined) query.to = input.to;
    const items = await tx.audit.list(query);
    await recordEvent(tx, ctx, {
      action: 'audit.listed',
      caseId: input.caseId ?? null,
      subject: null,
      details: { afterSeq: input.afterSeq, count: items.length },
    });
    const last = items[items.length - 1];
    return {
      items,
      nextAfterSeq: items.length === input.limit && last !== undefined ? last.seq : null,
    };
  });
}

/** The whole chain's integrity (no content, so no case filter): auditors only. */
export async function verifyAudit({
  ctx,
  input = {},
}: {
  ctx: ActionContext;
  input?: { anchors?: readonly ChainAnchor[] };
}): Promise<ChainVerification> {
  requireGlobal(ctx, 'audit.read');
  return verifyChain(ctx.store, input.anchors ?? []);
}
