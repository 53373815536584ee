import { type ActionContext, recordEvent, requireCase } from '../access/index.js';
import type { Category } from '../domain/index.js';
import type { DecisionRecord } from '../store/index.js';
import { messageInContext } from './context.js';
import { loadFlag, loadRun } from './load.js';
import { blindFlagIds } from './qc/blind.js';
import { type FlagView, flagView, type MessageView } from './views.js';

export interface FlagPage {
  items: FlagView[];
  /** Pass as `afterSeq` for the next page; null when this page was the last one so far. */
  nextAfterSeq: number | null;
}

/** A page of a run's flags, in the order they were committed. Content: justified and audited. */
export async function listFlags({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: {
    runId: string;
    afterSeq: number;
    limit: number;
    category?: Category | undefined;
    minScore?: number | undefined;
    maxScore?: number | undefined;
    decided?: boolean | undefined;
  };
}): Promise<FlagPage> {
  return ctx.store.transaction(async (tx) => {
    const run = await loadRun(tx, input.runId);
    await requireCase(tx, ctx, run.caseId, 'flags.read');
    const query: Parameters<typeof tx.flags.listForRun>[1] = {
      afterSeq: input.afterSeq,
      limit: input.limit,
    };
    if (input.category !== undefined) query.category = input.category;
    if (input.minScore !== undefined) query.minScore = input.minScore;
    if (input.maxScore !== undefined) query.maxScore = input.maxScore;
    if (input.decided !== undefined) query.decided = input.decided;
    const flags = await tx.flags.listForRun(run.id, query);
    await recordEvent(tx, ctx, {
      action: 'flags.listed',
      caseId: run.caseId,
      subject: { type: 'run', id: run.id },
      details: { afterSeq: input.afterSeq, count: flags.length },
    });
    const last = flags[flags.length - 1];
    return {
      items: flags.map((f) => flagView(f, run)),
      nextAfterSeq: flags.length === input.limit && last !== undefined ? last.seq : null,
    };
  });
}

export interface FlagDetail {
  flag: FlagView;
  message: MessageView;
  /** In-scope messages of the same conversation around it, in order (the message excluded). */
  before: MessageView[];
  after: MessageView[];
  /** Every decision on the flag, oldest first; none when the caller reviews it blind (QC). */
  decisions: DecisionRecord[];
  /** True when the caller holds a second-review item on this flag, so its decisions are withheld. */
  blind: boolean;
}

/** One flag in its conversation: the unit of review work. Content: justified and audited. */
export async function getFlag({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { flagId: string; context: number };
}): Promise<FlagDetail> {
  return ctx.store.transaction(async (tx) => {
    const { flag, run } = await loadFlag(tx, input.flagId);
    await requireCase(tx, ctx, run.caseId, 'flags.read');
    const shown = await messageInContext(tx, run.exportId, flag.messageId, input.context);
    const blind = (await blindFlagIds(tx, run.id, ctx.actor)).has(flag.id);
    const decisions = blind ? [] : await tx.decisions.listForFlag(flag.id);
    await recordEvent(tx, ctx, {
      action: 'flag.read',
      caseId: run.caseId,
      subject: { type: 'flag', id: flag.id },
      details: { runId: run.id, messageId: shown.message.id, context: input.context },
    });
    return {
      flag: flagView(flag, run),
      ...shown,
      decisions,
      blind,
    };
  });
}
