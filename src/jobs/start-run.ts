import { requireCase } from '../access/index.js';
import { ChatscreenError } from '../domain/index.js';
import type { RunRecord } from '../store/index.js';
import { createRun } from './create-run.js';
import type { JobsContext } from './jobs-context.js';

/** Starts screening an export with a model (the default when none is named): 202 and a run id. */
export async function startRun({
  ctx,
  input,
}: {
  ctx: JobsContext;
  input: { exportId: string; modelId?: string | undefined };
}): Promise<RunRecord> {
  const exportRow = await ctx.store.read((tx) => tx.exports.get(input.exportId));
  if (exportRow === null) throw new ChatscreenError('not_found', 'no such export');
  // Authorise before touching the model folder: a refused caller learns nothing about models.
  await ctx.store.read((tx) => requireCase(tx, ctx, exportRow.caseId, 'runs.start'));
  const model = await ctx.catalog.resolve(input.modelId);
  const run = await ctx.store.transaction(async (tx) => {
    await requireCase(tx, ctx, exportRow.caseId, 'runs.start');
    return createRun(tx, ctx, { exportRow, model, purpose: 'screen', baseRunId: null });
  });
  ctx.queue.enqueue(run.id);
  return run;
}
