import { EventEmitter } from 'node:events';
import { type Runner, run, runMigrations, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';
import { withSessionLock } from '../../store/index.js';
import type { JobQueue } from '../job-queue.js';
import type { RunDeps } from '../run-deps.js';
import { addBatchJobs, addFinishJob, outstandingJobs } from './job-sql.js';
import { type Liveness, openLiveness, sweepDeadWorkers } from './liveness.js';
import { graphileLogger } from './logger.js';
import { runTasks } from './tasks.js';

export interface GraphileQueueOptions {
  connectionString: string;
  /** graphile-worker's own schema (created and migrated on start). */
  schema: string;
  /** Batch jobs this process works on at once; 0: only enqueue (an API process without workers). */
  concurrency: number;
  log: Logger;
  /** How often to look for jobs held by workers whose process died. */
  sweepMs?: number;
  /** How often `drain` looks at the queue. */
  drainPollMs?: number;
}

export interface GraphileQueue extends JobQueue {
  /** The graphile-worker ids of this process's workers (once started), for logs and tests. */
  workerIds(): readonly string[];
}

/**
 * Runs as graphile-worker jobs on the shared PostgreSQL database: a run's batches become jobs
 * that `chatscreen worker` processes on any machine pick up; the store stays the durable state
 * (batch done marks, flags), so a job done twice writes nothing twice. Implements the same
 * JobQueue contract as the in-process queue.
 */
export function graphileQueue(deps: RunDeps, options: GraphileQueueOptions): GraphileQueue {
  const { log, schema } = options;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    // graphile-worker's LISTEN connection, the liveness connection, and one per busy worker.
    max: options.concurrency + 3,
  });
  pool.on('error', () => {});
  const pending = new Set<Promise<void>>();
  const workerIds: string[] = [];
  let runner: Runner | null = null;
  let liveness: Liveness | null = null;
  let sweeper: NodeJS.Timeout | null = null;
  let stopped = false;

  const requestFinish = (runId: string, error: string | null) =>
    addFinishJob(pool, schema, runId, error);

  async function enqueueRun(runId: string): Promise<void> {
    const batches = await deps.store.read((tx) => tx.runs.pendingBatches(runId));
    if (batches.length === 0) await requestFinish(runId, null);
    else
      await addBatchJobs(
        pool,
        schema,
        runId,
        batches.map((b) => b.index),
      );
  }

  function track(work: Promise<void>, what: string): void {
    const tracked = work.catch((error: unknown) => {
      // The run stays queued in the store; the next start of any process enqueues it again.
      log.error({ err: error instanceof Error ? error.message : 'unknown' }, what);
    });
    pending.add(tracked);
    void tracked.finally(() => pending.delete(tracked));
  }

  async function sweep(): Promise<void> {
    const dead = await sweepDeadWorkers(pool, schema);
    if (dead.length > 0) log.warn({ workers: dead }, 'released the jobs of workers that died');
  }

  async function startWorkers(): Promise<void> {
    const events: WorkerEvents = new EventEmitter();
    events.on('worker:create', ({ worker }) => workerIds.push(worker.workerId));
    let ready: () => void = () => {};
    const registered = new Promise<void>((resolve) => {
      ready = resolve;
    });
    liveness = await openLiveness(pool, (error) => {
      log.error({ err: error.message }, 'lost the liveness connection; stopping this worker');
      void runner?.stop().catch(() => {});
    });
    runner = await run({
      pgPool: pool,
      schema,
      concurrency: options.concurrency,
      noHandleSignals: true,
      taskList: runTasks({ deps, log, requestFinish }),
      logger: graphileLogger(log),
      events,
      // Every worker waits here before its first job until its id is backed by a liveness
      // lock: no job is ever held by a worker that a sweep could mistake for a dead one.
      forbiddenFlags: async () => {
        await registered;
        return null;
      },
    });
    await liveness.hold(workerIds);
    ready();
    runner.promise.catch((error: unknown) => {
      log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'job runner failed');
    });
    log.info({ workers: workerIds, concurrency: options.concurrency }, 'job workers ready');
  }

  return {
    workerIds: () => workerIds,
    enqueue(runId) {
      if (stopped) return;
      track(enqueueRun(runId), 'could not enqueue a run');
    },
    async start() {
      // graphile-worker's schema, migrated once however many processes start together.
      await withSessionLock(pool, `chatscreen:migrate:${schema}`, () =>
        runMigrations({ pgPool: pool, schema, logger: graphileLogger(log) }),
      );
      const unfinished = await deps.store.read((tx) => tx.runs.listUnfinished());
      for (const r of unfinished) await enqueueRun(r.id);
      if (unfinished.length > 0) log.info({ runs: unfinished.length }, 'enqueued unfinished runs');
      if (options.concurrency === 0) return;
      await sweep();
      await startWorkers();
      sweeper = setInterval(() => {
        sweep().catch((error: unknown) => {
          log.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'sweep failed');
        });
      }, options.sweepMs ?? 5000);
      sweeper.unref();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (sweeper !== null) clearInterval(sweeper);
      await Promise.all([...pending]);
      // Graceful: running batches commit (or fail and are retried elsewhere); no new ones start.
      if (runner !== null) await runner.stop().catch(() => {});
      await liveness?.release();
      await pool.end();
    },
    async drain() {
      for (;;) {
        await Promise.all([...pending]);
        if (pending.size === 0 && (await outstandingJobs(pool, schema)) === 0) return;
        await new Promise((resolve) => setTimeout(resolve, options.drainPollMs ?? 50));
      }
    },
  };
}
