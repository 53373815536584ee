import { actorId, newId, recordEvent } from '../access/index.js';
import type { ModelRef, RunPurpose } from '../domain/index.js';
import type { BatchRecord, ExportRow, RunRecord, StoreTx } from '../store/index.js';
import type { JobsContext } from './jobs-context.js';

/** Cuts the screenable seqs into fixed batches, so every worker and every restart agrees on them. */
export function planBatches(runId: string, seqs: readonly number[], size: number): BatchRecord[] {
  const batches: BatchRecord[] = [];
  for (let i = 0; i < seqs.length; i += size) {
    const slice = seqs.slice(i, i + size);
    const first = slice[0];
    const last = slice[slice.length - 1];
    if (first === undefined || last === undefined) break;
    batches.push({
      runId,
      index: batches.length,
      firstSeq: first,
      lastSeq: last,
      size: slice.length,
      done: false,
    });
  }
  return batches;
}

/**
 * Writes a queued run, its batch plan and its audit event in the caller's transaction. The
 * caller enqueues it after commit; if the process dies in between, `start` finds it queued.
 */
export async function createRun(
  tx: StoreTx,
  ctx: JobsContext,
  spec: { exportRow: ExportRow; model: ModelRef; purpose: RunPurpose; baseRunId: string | null },
): Promise<RunRecord> {
  const { exportRow } = spec;
  const seqs = await tx.messages.screenableSeqs(exportRow.id);
  const id = newId('r');
  const batches = planBatches(id, seqs, ctx.runBatchSize);
  const run: RunRecord = {
    id,
    caseId: exportRow.caseId,
    exportId: exportRow.id,
    purpose: spec.purpose,
    baseRunId: spec.baseRunId,
    model: spec.model,
    batchSize: ctx.runBatchSize,
    batchCount: batches.length,
    batchesDone: 0,
    screened: 0,
    flagCount: 0,
    totals: {
      messages: exportRow.messageCount,
      inScope: exportRow.inScopeCount,
      outOfScope: exportRow.messageCount - exportRow.inScopeCount,
      screenable: seqs.length,
    },
    status: 'queued',
    error: null,
    createdAt: ctx.now().toISOString(),
    createdBy: actorId(ctx.actor),
    startedAt: null,
    finishedAt: null,
  };
  await tx.runs.insert(run, batches);
  await recordEvent(tx, ctx, {
    action: spec.purpose === 'screen' ? 'run.started' : 'replay.started',
    caseId: run.caseId,
    subject: { type: 'run', id: run.id },
    details: {
      exportId: exportRow.id,
      purpose: spec.purpose,
      baseRunId: spec.baseRunId,
      modelId: spec.model.id,
      modelSha256: spec.model.sha256,
      screenable: seqs.length,
      outOfScope: run.totals.outOfScope,
    },
  });
  return run;
}
