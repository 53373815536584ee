import { type ActionContext, recordEvent, requireCase } from '../../access/index.js';
import { ChatscreenError, type DecisionOutcome } from '../../domain/index.js';
import type { QcDecisionRecord, QcItemKind, QcItemRecord, StoreTx } from '../../store/index.js';
import { messageInContext } from '../context.js';
import { loadRun } from '../load.js';
import { type FlagView, flagView, type MessageView } from '../views.js';

/** An item as its reviewer sees it in their queue: no content, and never the first decision. */
export interface QcItemSummary {
  id: string;
  sampleId: string;
  runId: string;
  position: number;
  kind: QcItemKind;
  /** This reviewer's latest outcome on the item, if any. */
  outcome: DecisionOutcome | null;
  decidedAt: string | null;
}

function latestByItem(decisions: readonly QcDecisionRecord[]): Map<string, QcDecisionRecord> {
  const latest = new Map<string, QcDecisionRecord>();
  for (const d of decisions) latest.set(d.itemId, d);
  return latest;
}

/** The caller's second-review items of a run, in queue order. */
export async function listMyQcItems({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { runId: string };
}): Promise<QcItemSummary[]> {
  const { actor } = ctx;
  return ctx.store.read(async (tx) => {
    const run = await loadRun(tx, input.runId);
    await requireCase(tx, ctx, run.caseId, 'qc.review');
    if (actor.kind !== 'user') return [];
    const items = (await tx.qc.listItems(run.id)).filter((i) => i.assignedTo === actor.userId);
    const latest = latestByItem(await tx.qc.listDecisions(run.id));
    return items.map((item) => {
      const decision = latest.get(item.id);
      return {
        id: item.id,
        sampleId: item.sampleId,
        runId: item.runId,
        position: item.position,
        kind: item.kind,
        outcome: decision?.outcome ?? null,
        decidedAt: decision?.decidedAt ?? null,
      };
    });
  });
}

/** Loads an item for its own reviewer; anyone else on the case is refused. */
export async function loadAssignedItem(
  tx: StoreTx,
  ctx: ActionContext,
  itemId: string,
  permission: 'qc.review' | 'qc.item.read',
): Promise<QcItemRecord> {
  const item = await tx.qc.getItem(itemId);
  if (item === null) throw new ChatscreenError('not_found', 'no such second-review item');
  await requireCase(tx, ctx, item.caseId, permission);
  if (ctx.actor.kind !== 'user' || ctx.actor.userId !== item.assignedTo) {
    throw new ChatscreenError('forbidden', 'this item is assigned to another reviewer');
  }
  return item;
}

export interface QcItemDetail {
  item: Omit<QcItemSummary, 'outcome' | 'decidedAt'>;
  /** The flag for a flag item (the machine's span, category, score); null for a message item. */
  flag: FlagView | null;
  message: MessageView;
  before: MessageView[];
  after: MessageView[];
  /** The caller's own latest second-review decision; the first decision is never included. */
  decision: QcDecisionRecord | null;
}

/** A blind read: the item in its conversation, without the first decision. Justified, audited. */
export async function getQcItem({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { itemId: string; context: number };
}): Promise<QcItemDetail> {
  return ctx.store.transaction(async (tx) => {
    const item = await loadAssignedItem(tx, ctx, input.itemId, 'qc.item.read');
    const run = await loadRun(tx, item.runId);
    const shown = await messageInContext(tx, run.exportId, item.messageId, input.context);
    const flag = item.flagId === null ? null : await tx.flags.get(item.flagId);
    const mine = (await tx.qc.listDecisions(run.id)).filter((d) => d.itemId === item.id);
    await recordEvent(tx, ctx, {
      action: 'qc.item.read',
      caseId: item.caseId,
      subject: { type: 'qc_item', id: item.id },
      details: {
        runId: run.id,
        sampleId: item.sampleId,
        kind: item.kind,
        messageId: shown.message.id,
        context: input.context,
      },
    });
    return {
      item: {
        id: item.id,
        sampleId: item.sampleId,
        runId: item.runId,
        position: item.position,
        kind: item.kind,
      },
      flag: flag === null ? null : flagView(flag, run),
      ...shown,
      decision: mine[mine.length - 1] ?? null,
    };
  });
}
