import type { JobHelpers, Task } from 'graphile-worker';
import type { Logger } from 'pino';
import { isChatscreenError } from '../../domain/index.js';
import type { Classifier } from '../../screening/index.js';
import type { RunRecord } from '../../store/index.js';
import { failRun, finishRun } from '../execute-run.js';
import { commitBatch, screenBatch } from '../run-batch.js';
import type { RunDeps } from '../run-deps.js';
import { FINISH_RUN, SCREEN_BATCH } from './job-sql.js';

export interface TaskContext {
  deps: RunDeps;
  log: Logger;
  /** Asks for the run to be finished (or failed with `error`) by one finishing job. */
  requestFinish(runId: string, error: string | null): Promise<void>;
}

const finished = (run: RunRecord | null) =>
  run === null || run.status === 'done' || run.status === 'failed';

function parse(payload: unknown): { runId: string; index: number; error: string | null } {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
    string,
    unknown
  >;
  return {
    runId: typeof p.runId === 'string' ? p.runId : '',
    index: typeof p.index === 'number' ? p.index : -1,
    error: typeof p.error === 'string' ? p.error : null,
  };
}

/**
 * Classifiers per run in this process: the catalog verifies a package's files on every call,
 * which is right once per run, not once per batch. Bounded: old runs fall out.
 */
function classifierCache(deps: RunDeps) {
  const byRun = new Map<string, Promise<Classifier>>();
  return (run: RunRecord): Promise<Classifier> => {
    let classifier = byRun.get(run.id);
    if (classifier === undefined) {
      classifier = deps.catalog.classifier(run.model);
      classifier.catch(() => byRun.delete(run.id));
      byRun.set(run.id, classifier);
      const oldest = byRun.keys().next().value;
      if (byRun.size > 16 && oldest !== undefined) byRun.delete(oldest);
    }
    return classifier;
  };
}

/** Wraps a classifier to time inference alone (the bench's DB-vs-screening split). */
function timed(classifier: Classifier, into: { ms: number }): Classifier {
  return {
    ...classifier,
    async screen(texts) {
      const t0 = performance.now();
      try {
        return await classifier.screen(texts);
      } finally {
        into.ms += performance.now() - t0;
      }
    },
  };
}

export function runTasks(ctx: TaskContext): Record<string, Task> {
  const { deps, log } = ctx;
  const classifierFor = classifierCache(deps);

  /**
   * One batch: screen and commit it (idempotent: a batch already done is skipped), then ask for
   * the run to finish if it was the last. Domain errors (the case closed, the model package
   * changed) fail the run; anything else is thrown for graphile-worker to retry, and fails the
   * run on the last attempt.
   */
  async function screenBatchTask(payload: unknown, helpers: JobHelpers): Promise<void> {
    const started = performance.now();
    const { runId, index } = parse(payload);
    const run = await deps.store.read((tx) => tx.runs.get(runId));
    if (run === null || finished(run)) return;
    try {
      if (run.status === 'queued') {
        await deps.store.transaction((tx) => tx.runs.markRunning(run.id, deps.now().toISOString()));
        deps.signals.notify(run.id);
      }
      const batch = await deps.store.read((tx) => tx.runs.getBatch(run.id, index));
      if (batch?.done === true) {
        // A retry of a batch committed before its worker died: nothing to write again.
        log.debug({ runId, batch: index }, 'batch already done');
      } else if (batch !== null) {
        const inference = { ms: 0 };
        const classifier = timed(await classifierFor(run), inference);
        const t0 = performance.now();
        const screened = await screenBatch(deps, run, batch, classifier);
        const t1 = performance.now();
        await commitBatch(deps, run, screened);
        const t2 = performance.now();
        // Timings only (the bench reads them): where a batch's time goes, never content.
        log.debug(
          {
            runId,
            batch: index,
            messages: screened.screened,
            readMs: Math.round((t1 - t0 - inference.ms) * 10) / 10,
            screenMs: Math.round(inference.ms * 10) / 10,
            commitMs: Math.round((t2 - t1) * 10) / 10,
            taskMs: Math.round((t2 - started) * 10) / 10,
          },
          'batch committed',
        );
      }
    } catch (error) {
      if (isChatscreenError(error)) {
        await ctx.requestFinish(runId, error.code);
        return;
      }
      if (helpers.job.attempts >= helpers.job.max_attempts) {
        await ctx.requestFinish(runId, 'internal');
      }
      throw error;
    }
    const after = await deps.store.read((tx) => tx.runs.get(runId));
    if (after !== null && !finished(after) && after.batchesDone === after.batchCount) {
      await ctx.requestFinish(runId, null);
    }
  }

  async function finishRunTask(payload: unknown): Promise<void> {
    const { runId, error } = parse(payload);
    const run = await deps.store.read((tx) => tx.runs.get(runId));
    if (run === null || finished(run)) return;
    try {
      if (error !== null) await failRun(deps, run, error);
      else if (run.batchesDone === run.batchCount) await finishRun(deps, run);
    } finally {
      deps.signals.notify(runId);
    }
    const after = await deps.store.read((tx) => tx.runs.get(runId));
    log.info(
      { runId, status: after?.status, batchesDone: after?.batchesDone, flags: after?.flagCount },
      'run finished',
    );
  }

  return { [SCREEN_BATCH]: screenBatchTask, [FINISH_RUN]: finishRunTask };
}
