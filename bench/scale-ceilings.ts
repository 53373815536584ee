import { EventEmitter } from 'node:events';
import { Logger, run, runMigrations, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import type { NewFlag } from '../src/store/index.js';
import { openPostgresStore } from '../src/store/index.js';

/**
 * The serialised parts of the PostgreSQL write path, measured alone with `connections` writers
 * at once: what a cluster of workers eventually queues on, however many cores screen.
 * - audit appends: one chain, one head row lock;
 * - batch commits of one run: flags + done mark + the run row, whose lock orders a run's seqs;
 * - graphile-worker job round trips: fetch (a SKIP LOCKED select) and completion, no work.
 */
export interface Ceilings {
  connections: number;
  auditAppendsPerSecond: number;
  batchCommitsPerSecond: number;
  flagsPerBatch: number;
  jobsPerSecond: number;
}

async function forSeconds(
  seconds: number,
  lanes: number,
  work: (lane: number) => Promise<void>,
): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      while (performance.now() < until) {
        await work(lane);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}

export async function measureCeilings(options: {
  url: string;
  connections: number;
  seconds: number;
  flagsPerBatch: number;
}): Promise<Ceilings> {
  const { url, connections, seconds, flagsPerBatch } = options;
  const store = openPostgresStore({
    connectionString: url,
    schema: 'ceilings',
    poolSize: connections,
  });
  await store.ready;
  let auditAppendsPerSecond = 0;
  let batchCommitsPerSecond = 0;
  try {
    auditAppendsPerSecond = await forSeconds(seconds, connections, (lane) =>
      store.transaction(async (tx) => {
        await tx.audit.append({
          at: new Date().toISOString(),
          actor: { kind: 'system', id: null },
          action: 'flag.read',
          caseId: 'c1',
          subject: { type: 'flag', id: `f${lane}` },
          justification: 'bench',
          details: { lane },
        });
      }),
    );

    const batches = 50_000;
    await store.transaction((tx) =>
      tx.runs.insert(
        {
          id: 'r1',
          caseId: 'c1',
          exportId: 'x1',
          purpose: 'screen',
          baseRunId: null,
          model: { id: 'm', sha256: '0'.repeat(64) },
          batchSize: 256,
          batchCount: batches,
          batchesDone: 0,
          screened: 0,
          flagCount: 0,
          totals: { messages: 0, inScope: 0, outOfScope: 0, screenable: 0 },
          status: 'running',
          error: null,
          createdAt: new Date().toISOString(),
          createdBy: 'bench',
          startedAt: null,
          finishedAt: null,
        },
        Array.from({ length: batches }, (_, index) => ({
          runId: 'r1',
          index,
          firstSeq: index * 256,
          lastSeq: index * 256 + 255,
          size: 256,
          done: false,
        })),
      ),
    );
    let next = 0;
    batchCommitsPerSecond = await forSeconds(seconds, connections, async () => {
      const index = next++;
      const flags: NewFlag[] = Array.from({ length: flagsPerBatch }, (_, i) => ({
        id: `f_${index}_${i}`,
        messageId: `m_${index}_${i}`,
        messageSeq: index * 256 + i,
        start: 0,
        end: 5,
        category: 'insult',
        score: 0.9,
        text: 'idiot',
      }));
      await store.transaction((tx) => tx.runs.completeBatch('r1', index, flags, 256));
    });
  } finally {
    await store.close();
  }
  return {
    connections,
    auditAppendsPerSecond,
    batchCommitsPerSecond,
    flagsPerBatch,
    jobsPerSecond: await jobRoundTrips(url, connections),
  };
}

/** No-op jobs through graphile-worker: fetch + complete only. */
async function jobRoundTrips(url: string, concurrency: number): Promise<number> {
  const jobs = 3000;
  const pool = new pg.Pool({ connectionString: url, max: concurrency + 2 });
  try {
    const logger = new Logger(() => () => {});
    await runMigrations({ pgPool: pool, schema: 'ceilings_jobs', logger });
    await pool.query(
      `SELECT count(ceilings_jobs.add_job('noop', json_build_object('i', i)))
       FROM generate_series(1, $1) AS i`,
      [jobs],
    );
    let done = 0;
    let finish: () => void = () => {};
    const all = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const events: WorkerEvents = new EventEmitter();
    const t0 = performance.now();
    const runner = await run({
      pgPool: pool,
      schema: 'ceilings_jobs',
      concurrency,
      noHandleSignals: true,
      logger,
      events,
      taskList: {
        noop: async () => {
          done += 1;
          if (done === jobs) finish();
        },
      },
    });
    await all;
    const seconds = (performance.now() - t0) / 1000;
    await runner.stop();
    return jobs / seconds;
  } finally {
    await pool.end();
  }
}
