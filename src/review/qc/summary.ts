import { type ActionContext, requireCase } from '../../access/index.js';
import type { DecisionOutcome } from '../../domain/index.js';
import type { QcSampleRecord } from '../../store/index.js';
import { loadRun } from '../load.js';
import { type QcStats, qcStats } from './stats.js';

export interface QcSummary {
  samples: QcSampleRecord[];
  /** Items drawn and items with a second decision, over every sample. */
  progress: { items: number; decided: number };
  stats: QcStats;
}

/**
 * Agreement, overturn rate and estimated misses of a run's second review. Counts only: no
 * content, no outcome of any single flag, nothing per person.
 */
export async function qcSummary({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { runId: string };
}): Promise<QcSummary> {
  return ctx.store.read(async (tx) => {
    const run = await loadRun(tx, input.runId);
    await requireCase(tx, ctx, run.caseId, 'qc.stats');
    const [samples, items, firstDecisions, secondDecisions, flags] = await Promise.all([
      tx.qc.listSamples(run.id),
      tx.qc.listItems(run.id),
      tx.decisions.listForRun(run.id),
      tx.qc.listDecisions(run.id),
      tx.flags.allForRun(run.id),
    ]);
    const firstOutcomes = new Map<string, DecisionOutcome>(
      firstDecisions.map((d) => [d.id, d.outcome]),
    );
    const secondOutcomes = new Map<string, DecisionOutcome>();
    for (const d of secondDecisions) secondOutcomes.set(d.itemId, d.outcome);
    const flaggedMessages = new Set(flags.map((f) => f.messageSeq)).size;
    return {
      samples,
      progress: { items: items.length, decided: secondOutcomes.size },
      stats: qcStats({
        items,
        firstOutcomes,
        secondOutcomes,
        unflaggedPopulation: Math.max(0, run.screened - flaggedMessages),
      }),
    };
  });
}
