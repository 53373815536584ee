// npm run bench:scale [-- --messages N --workers 1,2,4 --concurrency N --batch-size N
//                        --inference-threads N --models-dir DIR --skip-ceilings]
//
// Scale-out on PostgreSQL: a fresh database, a real `chatscreen serve --workers 0` (the API
// screens nothing), a generated export of N messages (default 500,000) uploaded once, then one
// run screened by 1, 2 and 4 `chatscreen worker` processes in turn (graphile-worker jobs, one per
// batch). Per worker count: wall time from the run's 202 to done, throughput, CPU seconds of the
// workers, of PostgreSQL and of the API, and where a batch's time goes (reading messages,
// inference, committing flags, from the workers' debug lines). Then the serialised parts of the
// write path alone (audit appends, one run's batch commits, job round trips). Needs a PostgreSQL
// server (CHATSCREEN_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test); it
// creates its own database and drops it afterwards.
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startWorkerProcess, type WorkerProcess } from '../test/e2e/support/backends.js';
import { modelsForTest } from '../test/e2e/support/models.js';
import { addUser, client, startServerProcess } from '../test/e2e/support/processes.js';
import { PG_ADMIN_URL } from '../test/service/contract/postgres-support.js';
import { measureCeilings } from './scale-ceilings.js';
import { backendCpu, cpuBetween, cpuSeconds, loadAverage } from './scale-cpu.js';
import { type BatchTimings, batchTimings } from './scale-timings.js';
import { writeBenchExport } from './service-export.js';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '500000' },
    workers: { type: 'string', default: '1,2,4' },
    concurrency: { type: 'string', default: '2' },
    'batch-size': { type: 'string', default: '256' },
    'inference-threads': { type: 'string', default: '1' },
    'models-dir': { type: 'string' },
    'skip-ceilings': { type: 'boolean', default: false },
  },
});
const count = Number(args.messages);
const workerCounts = args.workers.split(',').map(Number);

interface RunFigures {
  workers: number;
  wallSeconds: number;
  messagesPerSecond: number;
  flags: number;
  cpu: { workers: number; postgres: number; api: number };
  loadAverage: number;
  batches: BatchTimings;
}

async function reachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

if (!(await reachable())) {
  console.error(
    `bench:scale skipped: no PostgreSQL at ${PG_ADMIN_URL.replace(/\/\/[^@/]*@/, '//')}`,
  );
  process.exit(0);
}

const database = `chatscreen_bench_${process.pid}`;
const url = (() => {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
})();
const scratch = await mkdtemp(join(tmpdir(), 'chatscreen-bench-scale-'));
await admin(`CREATE DATABASE ${database}`);
const live: WorkerProcess[] = [];
try {
  const models =
    args['models-dir'] === undefined
      ? await modelsForTest(scratch)
      : { dir: args['models-dir'], shipped: true };
  const env = {
    DATABASE_URL: url,
    CHATSCREEN_PG_SCHEMA: 'chatscreen',
    CHATSCREEN_MODELS_DIR: models.dir,
    CHATSCREEN_RUN_BATCH_SIZE: args['batch-size'],
    CHATSCREEN_WORKERS: args['inference-threads'],
    CHATSCREEN_MAX_UPLOAD_BYTES: String(4 * 1024 * 1024 * 1024),
    CHATSCREEN_PG_POOL_SIZE: '4',
    LOG_LEVEL: 'warn',
  };
  const exportPath = join(scratch, 'bench-export.csv');
  await writeBenchExport(exportPath, count);
  const bytes = (await stat(exportPath)).size;
  const dataDir = join(scratch, 'data');
  const user = await addUser(dataDir, 'Bench Investigator', 'investigator', env);
  const server = await startServerProcess(dataDir, env, ['--workers', '0']);
  try {
    const call = client(server.url, user.token);
    const created = await call<{ id: string }>('POST', '/api/cases', {
      json: {
        reference: 'BENCH-SCALE',
        legalBasis: 'benchmark',
        authorisedBy: 'bench',
        expiresAt: '2099-01-01T00:00:00Z',
      },
    });
    const form = new FormData();
    form.append('file', await openAsBlob(exportPath), 'bench-export.csv');
    const t0 = performance.now();
    const upload = await call<{ id: string; messageCount: number }>(
      'POST',
      `/api/cases/${created.body.id}/exports`,
      { body: form },
    );
    const uploadSeconds = (performance.now() - t0) / 1000;
    if (upload.status !== 201) throw new Error(`upload failed: ${upload.status}`);
    console.error(`uploaded ${upload.body.messageCount} messages in ${uploadSeconds.toFixed(1)} s`);

    const figures: RunFigures[] = [];
    for (const n of workerCounts) {
      const workers = await Promise.all(
        Array.from({ length: n }, () =>
          startWorkerProcess({ ...env, LOG_LEVEL: 'debug' }, ['--concurrency', args.concurrency]),
        ),
      );
      live.push(...workers);
      // Every worker has its model loaded before the clock starts.
      while (!workers.every((w) => w.logs().includes('default model ready'))) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const cpuBefore = {
        workers: await Promise.all(workers.map((w) => cpuSeconds(w.child.pid))),
        postgres: await backendCpu(PG_ADMIN_URL, database),
        api: await cpuSeconds(server.child.pid),
      };
      const load = await loadAverage();
      const tStart = performance.now();
      const started = await call<{ id: string }>('POST', `/api/exports/${upload.body.id}/runs`, {
        json: {},
      });
      let run: { status: string; counts: { flags: number; screened: number } };
      let cpuWorkers = 0;
      let postgresAfter = cpuBefore.postgres;
      for (;;) {
        // Sample CPU while the processes live (a gone process's /proc entry is gone too).
        // Keep the last reading of backends that have gone (idle connections close).
        postgresAfter = new Map([...postgresAfter, ...(await backendCpu(PG_ADMIN_URL, database))]);
        const now = await Promise.all(workers.map((w) => cpuSeconds(w.child.pid)));
        cpuWorkers = now.reduce<number>(
          (sum, c, i) => sum + ((c ?? 0) - (cpuBefore.workers[i] ?? 0)),
          0,
        );
        run = (await call<typeof run>('GET', `/api/runs/${started.body.id}`)).body;
        if (run.status === 'done' || run.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const wallSeconds = (performance.now() - tStart) / 1000;
      if (run.status !== 'done') throw new Error(`run ${run.status}`);
      const cpuPostgres = cpuBetween(cpuBefore.postgres, postgresAfter);
      const cpuApi = ((await cpuSeconds(server.child.pid)) ?? 0) - (cpuBefore.api ?? 0);
      const logs = workers.map((w) => w.logs());
      await Promise.all(workers.map((w) => w.stop()));
      figures.push({
        workers: n,
        wallSeconds,
        messagesPerSecond: run.counts.screened / wallSeconds,
        flags: run.counts.flags,
        cpu: { workers: cpuWorkers, postgres: cpuPostgres, api: cpuApi },
        loadAverage: load,
        batches: batchTimings(logs, started.body.id),
      });
      console.error(
        `${n} worker(s): ${wallSeconds.toFixed(1)} s, ${Math.round(run.counts.screened / wallSeconds)} msgs/s`,
      );
    }

    const flagsPerBatch = Math.round(
      (figures[0]?.flags ?? 0) / Math.max(1, figures[0]?.batches.count ?? 1),
    );
    const ceilings = args['skip-ceilings']
      ? null
      : await measureCeilings({ url, connections: 8, seconds: 5, flagsPerBatch });
    const one = figures[0];
    process.stdout.write(
      `${JSON.stringify(
        {
          machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
          model: models.shipped
            ? 'shipped (models/)'
            : 'tiny test model (no trained model installed)',
          messages: upload.body.messageCount,
          exportBytes: bytes,
          batchSize: Number(args['batch-size']),
          concurrencyPerWorker: Number(args.concurrency),
          inferenceThreadsPerWorker: Number(args['inference-threads']),
          uploadSeconds,
          runs: figures.map((f) => ({
            ...f,
            speedup: one === undefined ? null : f.messagesPerSecond / one.messagesPerSecond,
          })),
          ceilings,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await server.stop();
  }
} finally {
  await Promise.all(live.map((w) => w.kill()));
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  await rm(scratch, { recursive: true, force: true });
}
