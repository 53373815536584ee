import { type ActionContext, requireCase } from '../../access/index.js';
import type { DecisionOutcome } from '../../domain/index.js';
import type { QcDecisionRecord, QcItemRecord, QcSampleRecord, StoreTx } from '../../store/index.js';
import { loadRun } from '../load.js';
import { type QcStats, qcStats } from './stats.js';

export interface QcSummary {
  samples: QcSampleRecord[];
  /** Items drawn and items with a second decision, over every sample. */
  progress: { items: number; decided: number };
  stats: QcStats;
}

/** A run's second-review items and decisions, with the counts they give. */
export interface RunSecondReview {
  items: QcItemRecord[];
  decisions: QcDecisionRecord[];
  stats: QcStats;
}

/** Loads what the counts need: the one computation the QC page and the case report share. */
export async function loadRunSecondReview(
  tx: StoreTx,
  run: { id: string; screened: number },
): Promise<RunSecondReview> {
  const [items, firstDecisions, decisions, flags] = await Promise.all([
    tx.qc.listItems(run.id),
    tx.decisions.listForRun(run.id),
    tx.qc.listDecisions(run.id),
    tx.flags.allForRun(run.id),
  ]);
  const firstOutcomes = new Map<string, DecisionOutcome>(
    firstDecisions.map((d) => [d.id, d.outcome]),
  );
  // Decisions come oldest first: the latest for an item is the one in force.
  const secondOutcomes = new Map<string, DecisionOutcome>();
  for (const d of decisions) secondOutcomes.set(d.itemId, d.outcome);
  const flaggedMessages = new Set(flags.map((f) => f.messageSeq)).size;
  return {
    items,
    decisions,
    stats: qcStats({
      items,
      firstOutcomes,
      secondOutcomes,
      unflaggedPopulation: Math.max(0, run.screened - flaggedMessages),
    }),
  };
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
    const [samples, review] = await Promise.all([
      tx.qc.listSamples(run.id),
      loadRunSecondReview(tx, run),
    ]);
    const decided = new Set(review.decisions.map((d) => d.itemId)).size;
    return {
      samples,
      progress: { items: review.items.length, decided },
      stats: review.stats,
    };
  });
}
