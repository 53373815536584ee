import { recordEvent, SYSTEM_ACTOR } from '../access/index.js';
import { diffFlags, isChatscreenError } from '../domain/index.js';
import type { RunRecord } from '../store/index.js';
import { commitBatch, type ScreenedBatch, screenBatch } from './run-batch.js';
import type { RunDeps } from './run-deps.js';

/**
 * Works through a run's pending batches in order, then finishes it. Safe to call again after a
 * crash or a stop at any point: done batches are skipped and the finish is written once.
 */
export async function executeRun(
  deps: RunDeps,
  runId: string,
  signal: AbortSignal = new AbortController().signal,
): Promise<void> {
  const run = await deps.store.read((tx) => tx.runs.get(runId));
  if (run === null || run.status === 'done' || run.status === 'failed') return;
  await deps.store.transaction((tx) => tx.runs.markRunning(run.id, deps.now().toISOString()));
  deps.signals.notify(run.id);
  try {
    const pending = await deps.store.read((tx) => tx.runs.pendingBatches(run.id));
    if (pending.length > 0) {
      const classifier = await deps.catalog.classifier(run.model);
      // One batch screens while the one before it commits, so the inference workers never wait
      // on the store; commits stay in batch order, so flags arrive in conversation order.
      let ahead: Promise<ScreenedBatch> | null = null;
      for (const [i, batch] of pending.entries()) {
        if (signal.aborted) return;
        const current: Promise<ScreenedBatch> = ahead ?? screenBatch(deps, run, batch, classifier);
        const next = pending[i + 1];
        ahead = next === undefined ? null : screenBatch(deps, run, next, classifier);
        ahead?.catch(() => {});
        await commitBatch(deps, run, await current);
      }
    }
    if (signal.aborted) return;
    await finishRun(deps, run);
  } catch (error) {
    if (signal.aborted) return;
    await failRun(deps, run, isChatscreenError(error) ? error.code : 'internal');
  } finally {
    deps.signals.notify(run.id);
  }
}

/** Marks a run done with its audit event(s), once: a run already done or failed is left alone. */
export async function finishRun(deps: RunDeps, run: RunRecord): Promise<void> {
  const ctx = { store: deps.store, actor: SYSTEM_ACTOR, now: deps.now, justification: null };
  await deps.store.transaction(async (tx) => {
    const current = await tx.runs.get(run.id);
    if (current === null || current.status === 'done' || current.status === 'failed') return;
    await tx.runs.finish(run.id, 'done', deps.now().toISOString(), null);
    await recordEvent(tx, ctx, {
      action: 'run.completed',
      caseId: run.caseId,
      subject: { type: 'run', id: run.id },
      details: { screened: current.screened, flags: current.flagCount, purpose: run.purpose },
    });
    if (run.baseRunId !== null) {
      // Replays and comparisons record their outcome (counts only, no content) when they end.
      const diff = diffFlags(
        await tx.flags.allForRun(run.baseRunId),
        await tx.flags.allForRun(run.id),
      );
      await recordEvent(tx, ctx, {
        action: 'replay.completed',
        caseId: run.caseId,
        subject: { type: 'run', id: run.id },
        details: {
          baseRunId: run.baseRunId,
          identical: diff.identical,
          unchanged: diff.unchanged,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
        },
      });
    }
  });
}

/** Marks a run failed with an error code and its audit event, once (as finishRun). */
export async function failRun(deps: RunDeps, run: RunRecord, code: string): Promise<void> {
  const ctx = { store: deps.store, actor: SYSTEM_ACTOR, now: deps.now, justification: null };
  await deps.store.transaction(async (tx) => {
    const current = await tx.runs.get(run.id);
    if (current === null || current.status === 'done' || current.status === 'failed') return;
    await tx.runs.finish(run.id, 'failed', deps.now().toISOString(), code);
    await recordEvent(tx, ctx, {
      action: 'run.failed',
      caseId: run.caseId,
      subject: { type: 'run', id: run.id },
      details: { error: code },
    });
  });
}
