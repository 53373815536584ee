import { type ActionContext, recordEvent, requireCase } from '../access/index.js';
import type { DecisionOutcome } from '../domain/index.js';
import { loadRun } from './load.js';
import { blindFlagIds } from './qc/blind.js';

/** The decision in force on a flag (the latest), and how many were recorded on it. */
export interface FlagDecisionState {
  flagId: string;
  decisionId: string;
  outcome: DecisionOutcome;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  /** Decisions recorded on the flag in all (a later one supersedes, all stay on record). */
  count: number;
}

/**
 * Where review of a run stands, flag by flag: what the queue shows beside each flag. Flags the
 * caller reviews blind are left out. Decisions carry people's reasons: justified and audited.
 */
export async function listRunDecisions({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { runId: string };
}): Promise<FlagDecisionState[]> {
  return ctx.store.transaction(async (tx) => {
    const run = await loadRun(tx, input.runId);
    await requireCase(tx, ctx, run.caseId, 'flags.read');
    const blind = await blindFlagIds(tx, run.id, ctx.actor);
    const states = new Map<string, FlagDecisionState>();
    for (const d of await tx.decisions.listForRun(run.id)) {
      if (blind.has(d.flagId)) continue;
      states.set(d.flagId, {
        flagId: d.flagId,
        decisionId: d.id,
        outcome: d.outcome,
        reason: d.reason,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
        count: (states.get(d.flagId)?.count ?? 0) + 1,
      });
    }
    const items = [...states.values()];
    await recordEvent(tx, ctx, {
      action: 'decisions.listed',
      caseId: run.caseId,
      subject: { type: 'run', id: run.id },
      details: { count: items.length, withheld: blind.size },
    });
    return items;
  });
}
