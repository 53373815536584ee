import type { Logger } from 'pino';
import { executeRun } from './execute-run.js';
import type { JobQueue } from './job-queue.js';
import type { RunDeps } from './run-deps.js';

/**
 * Runs in this process with at most `concurrency` at once (the SQLite default). Each run is a
 * loop of batches; stopping aborts between batches, and `start` in a new process picks up what
 * was left, from the store.
 */
export function inProcessQueue(
  deps: RunDeps,
  options: { concurrency: number; log: Logger },
): JobQueue {
  const waiting: string[] = [];
  const active = new Set<string>();
  const controller = new AbortController();
  let started = false;
  let idleWaiters: (() => void)[] = [];
  const inFlight = new Set<Promise<void>>();

  function settleIdle(): void {
    if (waiting.length > 0 || active.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function pump(): void {
    while (started && !controller.signal.aborted && active.size < options.concurrency) {
      const runId = waiting.shift();
      if (runId === undefined) break;
      if (active.has(runId)) continue;
      active.add(runId);
      const work = executeRun(deps, runId, controller.signal)
        .then(async () => {
          const run = await deps.store.read((tx) => tx.runs.get(runId));
          // Ids, counts and status only: never content.
          options.log.info(
            {
              runId,
              status: run?.status,
              batchesDone: run?.batchesDone,
              flags: run?.flagCount,
              error: run?.error,
            },
            'run worker stopped',
          );
        })
        .catch((error: unknown) => {
          // executeRun records failures itself; this is a store failure while recording one.
          options.log.error(
            { runId, err: error instanceof Error ? error.name : 'unknown' },
            'run worker failed',
          );
        })
        .finally(() => {
          active.delete(runId);
          inFlight.delete(work);
          pump();
          settleIdle();
        });
      inFlight.add(work);
    }
    settleIdle();
  }

  return {
    enqueue(runId) {
      if (!waiting.includes(runId) && !active.has(runId)) waiting.push(runId);
      pump();
    },
    async start() {
      const unfinished = await deps.store.read((tx) => tx.runs.listUnfinished());
      for (const run of unfinished) {
        if (!waiting.includes(run.id)) waiting.push(run.id);
      }
      if (unfinished.length > 0)
        options.log.info({ runs: unfinished.length }, 'resuming unfinished runs');
      started = true;
      pump();
    },
    async stop() {
      controller.abort();
      waiting.length = 0;
      await Promise.all([...inFlight]);
      settleIdle();
    },
    drain() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
