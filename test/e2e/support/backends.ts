import { createTestDatabase, type TestDatabase } from '../../service/contract/postgres-support.js';
import { type CliProcess, startCliProcess } from './processes.js';

/**
 * The two ways the service runs, for end-to-end tests: SQLite with in-process workers, and
 * PostgreSQL with the API process screening nothing (`--workers 0`) and separate `chatscreen
 * worker` processes sharing only the database.
 */
export interface Backend {
  name: 'sqlite' | 'postgres';
  /** For every process of this backend (server, workers, CLI). */
  env: Record<string, string>;
  /** Extra `serve` arguments. */
  serveArgs: string[];
  /** Starts `count` worker processes (none for SQLite: the server screens). */
  startWorkers(count: number, env?: Record<string, string>): Promise<WorkerProcess[]>;
  cleanup(): Promise<void>;
}

export type WorkerProcess = CliProcess;

/** Starts `chatscreen worker` and resolves once it takes jobs. */
export async function startWorkerProcess(
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<WorkerProcess> {
  return (await startCliProcess(['worker', ...args], env, /worker ready/)).process;
}

export function sqliteBackend(): Backend {
  return {
    name: 'sqlite',
    // A DATABASE_URL in the caller's environment must not turn this variant into PostgreSQL.
    env: { DATABASE_URL: '' },
    serveArgs: [],
    startWorkers: async () => [],
    cleanup: async () => {},
  };
}

/** A fresh database on the test server (check `postgresAvailable` first). */
export async function postgresBackend(): Promise<Backend> {
  const db: TestDatabase = await createTestDatabase();
  // Small pools: test files run in parallel against one server (100 connections by default).
  const env = {
    DATABASE_URL: db.url,
    CHATSCREEN_PG_SCHEMA: 'chatscreen',
    CHATSCREEN_PG_POOL_SIZE: '3',
    CHATSCREEN_SWEEP_MS: '200',
  };
  const started: WorkerProcess[] = [];
  return {
    name: 'postgres',
    env,
    serveArgs: ['--workers', '0'],
    async startWorkers(count, extra = {}) {
      const workers = await Promise.all(
        Array.from({ length: count }, () => startWorkerProcess({ ...env, ...extra })),
      );
      started.push(...workers);
      return workers;
    },
    async cleanup() {
      await Promise.all(started.map((w) => w.kill()));
      await db.drop();
    },
  };
}
