import { type ActionContext, recordEvent, requireCase } from '../access/index.js';
import type { RunRecord } from '../store/index.js';
import { loadRun } from './load.js';
import { type FlagView, flagView } from './views.js';

/**
 * Opening a live stream of a run's flags is one consultation: justified and audited once, with
 * the point it resumed from.
 */
export async function openFlagStream({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { runId: string; afterSeq: number };
}): Promise<RunRecord> {
  return ctx.store.transaction(async (tx) => {
    const run = await loadRun(tx, input.runId);
    await requireCase(tx, ctx, run.caseId, 'flags.read');
    await recordEvent(tx, ctx, {
      action: 'flags.streamed',
      caseId: run.caseId,
      subject: { type: 'run', id: run.id },
      details: { afterSeq: input.afterSeq },
    });
    return run;
  });
}

/**
 * The next flags after a cursor and the run as it stands. The case is checked again on every
 * page: a stream stops when the case closes or expires, or the membership ends.
 */
export async function nextFlagEvents({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { runId: string; afterSeq: number; limit: number };
}): Promise<{ flags: FlagView[]; run: RunRecord }> {
  return ctx.store.read(async (tx) => {
    const run = await loadRun(tx, input.runId);
    await requireCase(tx, ctx, run.caseId, 'flags.read');
    const flags = await tx.flags.listForRun(run.id, {
      afterSeq: input.afterSeq,
      limit: input.limit,
    });
    return { flags: flags.map((f) => flagView(f, run)), run };
  });
}
