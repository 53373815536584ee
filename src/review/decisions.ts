import { type ActionContext, newId, recordEvent, requireCase } from '../access/index.js';
import { ChatscreenError, type DecisionOutcome } from '../domain/index.js';
import type { DecisionRecord } from '../store/index.js';
import { loadFlag } from './load.js';
import { blindFlagIds } from './qc/blind.js';

/**
 * A person's decision on a flag, with their reason. The only way a decision comes into being:
 * it refuses any actor but an authenticated user, and nothing in the code calls it on its own.
 * Decisions are appended, never overwritten: a later one supersedes, both stay on record.
 */
export async function recordDecision({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { flagId: string; outcome: DecisionOutcome; reason: string };
}): Promise<DecisionRecord> {
  const { actor } = ctx;
  if (actor.kind !== 'user') {
    throw new ChatscreenError('forbidden', 'only a person signed in as a user can decide');
  }
  return ctx.store.transaction(async (tx) => {
    const { flag, run } = await loadFlag(tx, input.flagId);
    await requireCase(tx, ctx, run.caseId, 'decisions.write');
    // A blind second reviewer decides the flag in their second review, where it is measured.
    if ((await blindFlagIds(tx, run.id, actor)).has(flag.id)) {
      throw new ChatscreenError('conflict', 'this flag is in your blind second review');
    }
    const decision: DecisionRecord = {
      id: newId('d'),
      flagId: flag.id,
      runId: run.id,
      caseId: run.caseId,
      outcome: input.outcome,
      reason: input.reason,
      decidedBy: actor.userId,
      decidedAt: ctx.now().toISOString(),
    };
    await tx.decisions.insert(decision);
    await recordEvent(tx, ctx, {
      action: 'decision.recorded',
      caseId: run.caseId,
      subject: { type: 'flag', id: flag.id },
      details: { decisionId: decision.id, runId: run.id, outcome: input.outcome },
      justification: input.reason,
    });
    return decision;
  });
}
