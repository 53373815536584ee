import { actorId, newId, requireCase } from '../access/index.js';
import { ChatscreenError, diffFlags, type FlagKey } from '../domain/index.js';
import { createRun, type JobsContext, type RunView, runView } from '../jobs/index.js';
import type { ReplayRecord, RunRecord, StoreTx } from '../store/index.js';

async function loadRun(tx: StoreTx, runId: string): Promise<RunRecord> {
  const run = await tx.runs.get(runId);
  if (run === null) throw new ChatscreenError('not_found', 'no such run');
  return run;
}

async function start(
  ctx: JobsContext,
  runId: string,
  kind: ReplayRecord['kind'],
  modelId: string | undefined,
): Promise<{ id: string; runId: string }> {
  const base = await ctx.store.read(async (tx) => {
    const run = await loadRun(tx, runId);
    await requireCase(tx, ctx, run.caseId, 'replays.start');
    return run;
  });
  if (base.status !== 'done')
    throw new ChatscreenError('conflict', 'only a finished run can be replayed or compared');
  // A replay uses exactly the package the run recorded, or refuses (model_package_changed).
  const model = kind === 'replay' ? base.model : await ctx.catalog.resolve(modelId);
  if (kind === 'replay') await ctx.catalog.verify(model);
  const replay = await ctx.store.transaction(async (tx) => {
    await requireCase(tx, ctx, base.caseId, 'replays.start');
    const exportRow = await tx.exports.get(base.exportId);
    if (exportRow === null) throw new ChatscreenError('not_found', 'no such export');
    const run = await createRun(tx, ctx, { exportRow, model, purpose: kind, baseRunId: base.id });
    const record: ReplayRecord = {
      id: newId('rp'),
      caseId: base.caseId,
      kind,
      baseRunId: base.id,
      runId: run.id,
      createdAt: ctx.now().toISOString(),
      createdBy: actorId(ctx.actor),
    };
    await tx.replays.insert(record);
    return record;
  });
  ctx.queue.enqueue(replay.runId);
  return { id: replay.id, runId: replay.runId };
}

/** Screens the run's export again with the exact model package it recorded. */
export function startReplay({ ctx, input }: { ctx: JobsContext; input: { runId: string } }) {
  return start(ctx, input.runId, 'replay', undefined);
}

/** Screens the run's export with another model (the default when none is named), to compare. */
export function startComparison({
  ctx,
  input,
}: {
  ctx: JobsContext;
  input: { runId: string; modelId?: string | undefined };
}) {
  return start(ctx, input.runId, 'compare', input.modelId);
}

/** Lists are capped; the counts are always complete. */
export const DIFF_LIST_LIMIT = 1000;

export interface ReplayView {
  id: string;
  kind: ReplayRecord['kind'];
  status: RunRecord['status'];
  base: RunView;
  run: RunView;
  /** Present once the run is done. No text: message ids and offsets only. */
  result: {
    identical: boolean;
    unchanged: number;
    counts: { added: number; removed: number; changed: number };
    added: FlagKey[];
    removed: FlagKey[];
    changed: { base: FlagKey; other: FlagKey }[];
  } | null;
}

const key = (f: FlagKey): FlagKey => ({
  messageId: f.messageId,
  start: f.start,
  end: f.end,
  category: f.category,
  score: f.score,
});

export async function getReplay({
  ctx,
  input,
}: {
  ctx: JobsContext;
  input: { replayId: string };
}): Promise<ReplayView> {
  return ctx.store.read(async (tx) => {
    const replay = await tx.replays.get(input.replayId);
    if (replay === null) throw new ChatscreenError('not_found', 'no such replay');
    await requireCase(tx, ctx, replay.caseId, 'replays.read');
    const base = await loadRun(tx, replay.baseRunId);
    const run = await loadRun(tx, replay.runId);
    let result: ReplayView['result'] = null;
    if (run.status === 'done') {
      const diff = diffFlags(await tx.flags.allForRun(base.id), await tx.flags.allForRun(run.id));
      result = {
        identical: diff.identical,
        unchanged: diff.unchanged,
        counts: {
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
        },
        added: diff.added.slice(0, DIFF_LIST_LIMIT).map(key),
        removed: diff.removed.slice(0, DIFF_LIST_LIMIT).map(key),
        changed: diff.changed
          .slice(0, DIFF_LIST_LIMIT)
          .map((c) => ({ base: key(c.base), other: key(c.other) })),
      };
    }
    return {
      id: replay.id,
      kind: replay.kind,
      status: run.status,
      base: runView(base),
      run: runView(run),
      result,
    };
  });
}
