/**
 * Runs as durable jobs. The run row and its batch rows are the durable state; the queue only
 * decides who works on what, so any implementation can be stopped at any moment and a new one
 * resumes from the store.
 *
 * In-process (SQLite default): `inProcessQueue`, bounded concurrency, resumes unfinished runs on
 * `start`. Across processes (issue 6): graphile-worker jobs per run or per batch, calling the
 * same `executeRun` / `runBatch`, which are idempotent per batch.
 */
export interface JobQueue {
  /** Called after the run's creating transaction commits. */
  enqueue(runId: string): void;
  /** Picks up every unfinished run in the store, then whatever is enqueued. */
  start(): Promise<void>;
  /** Stops taking work; resolves when in-flight batches have committed or been abandoned. */
  stop(): Promise<void>;
  /** Resolves when nothing is queued or running. */
  drain(): Promise<void>;
}
