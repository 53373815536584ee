import type { Pool } from 'pg';

/** graphile-worker task identifiers: one job per batch, one to finish (or fail) a run. */
export const SCREEN_BATCH = 'chatscreen_screen_batch';
export const FINISH_RUN = 'chatscreen_finish_run';
export const TASKS = [SCREEN_BATCH, FINISH_RUN] as const;

/**
 * A batch that keeps failing for reasons outside the domain (the database gone, a worker
 * crashing on it) is retried with graphile-worker's exponential backoff, then its run fails.
 */
export const MAX_ATTEMPTS = 8;

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Adds one job per pending batch, keyed `batch:<run>:<index>` in `unsafe_dedupe` mode: a key
 * that already has a job (waiting, running or retrying) gets no second one, so enqueueing a run
 * twice, or again on every start, never screens a batch twice at once. One statement: the jobs
 * are added together or not at all.
 */
export async function addBatchJobs(
  pool: Pool,
  schema: string,
  runId: string,
  indexes: readonly number[],
): Promise<void> {
  if (indexes.length === 0) return;
  await pool.query(
    `SELECT count(${quoteIdent(schema)}.add_job(
       $1,
       json_build_object('runId', $2::text, 'index', i),
       max_attempts := $3,
       job_key := 'batch:' || $2 || ':' || i,
       job_key_mode := 'unsafe_dedupe'))
     FROM unnest($4::integer[]) AS i`,
    [SCREEN_BATCH, runId, MAX_ATTEMPTS, indexes],
  );
}

/**
 * Asks for the run to be finished: done when every batch is, failed with `error` otherwise.
 * Keyed per run and deduplicated, so at most one finishing job exists at a time and two never
 * write the run's closing audit event twice.
 */
export async function addFinishJob(
  pool: Pool,
  schema: string,
  runId: string,
  error: string | null,
): Promise<void> {
  await pool.query(
    `SELECT ${quoteIdent(schema)}.add_job(
       $1, json_build_object('runId', $2::text, 'error', $3::text),
       max_attempts := $4, job_key := 'finish:' || $2, job_key_mode := 'unsafe_dedupe')`,
    [FINISH_RUN, runId, error, MAX_ATTEMPTS],
  );
}

/** Jobs of ours still to do anywhere (waiting, running or waiting to retry). */
export async function outstandingJobs(pool: Pool, schema: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM ${quoteIdent(schema)}.jobs
     WHERE task_identifier = ANY($1::text[]) AND attempts < max_attempts`,
    [[...TASKS]],
  );
  return rows[0]?.n ?? 0;
}
