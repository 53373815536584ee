import { type ActionContext, newId, recordEvent } from '../../access/index.js';
import { ChatscreenError, type DecisionOutcome } from '../../domain/index.js';
import type { QcDecisionRecord } from '../../store/index.js';
import { loadAssignedItem } from './items.js';

/**
 * The second reviewer's decision on an item, with their reason. Appended like first decisions:
 * a later one supersedes, both stay on record; the statistics use the latest.
 */
export async function recordQcDecision({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { itemId: string; outcome: DecisionOutcome; reason: string };
}): Promise<QcDecisionRecord> {
  const { actor } = ctx;
  if (actor.kind !== 'user') {
    throw new ChatscreenError('forbidden', 'only a person signed in as a user can decide');
  }
  return ctx.store.transaction(async (tx) => {
    const item = await loadAssignedItem(tx, ctx, input.itemId, 'qc.review');
    const decision: QcDecisionRecord = {
      id: newId('qd'),
      itemId: item.id,
      runId: item.runId,
      caseId: item.caseId,
      outcome: input.outcome,
      reason: input.reason,
      decidedBy: actor.userId,
      decidedAt: ctx.now().toISOString(),
    };
    await tx.qc.insertDecision(decision);
    await recordEvent(tx, ctx, {
      action: 'qc.decision.recorded',
      caseId: item.caseId,
      subject: { type: 'qc_item', id: item.id },
      details: {
        decisionId: decision.id,
        runId: item.runId,
        sampleId: item.sampleId,
        kind: item.kind,
        outcome: input.outcome,
      },
      justification: input.reason,
    });
    return decision;
  });
}
