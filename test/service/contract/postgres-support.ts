import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: the server CI provides on 127.0.0.1:5432 (or CHATSCREEN_TEST_DATABASE_URL).
 * Each test file gets its own database, dropped afterwards, and each test its own schemas inside
 * it, so files run in parallel without seeing each other and nobody else's database is touched.
 *
 * Without a server the PostgreSQL variants are skipped with a message, except under CI=true,
 * where a missing server fails the run: CI must test both stores.
 */
export const PG_ADMIN_URL =
  process.env.CHATSCREEN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const inCi = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** True when the PostgreSQL variants should run; throws under CI when the server is missing. */
export async function postgresAvailable(): Promise<boolean> {
  const problem = await reachable();
  if (problem === null) return true;
  const where = PG_ADMIN_URL.replace(/\/\/[^@/]*@/, '//');
  if (inCi) {
    throw new Error(`CI is set but PostgreSQL at ${where} is unreachable (${problem})`);
  }
  console.warn(
    `skipping the PostgreSQL variants: no server at ${where} (${problem}); under CI=true this fails`,
  );
  return false;
}

export interface TestDatabase {
  url: string;
  /** A fresh schema name, unique within this database. */
  schema(prefix?: string): string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `chatscreen_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  let n = 0;
  return {
    url: withDatabase(PG_ADMIN_URL, name),
    schema(prefix = 's') {
      n += 1;
      return `${prefix}_${n}_${randomBytes(3).toString('hex')}`;
    },
    async drop() {
      // FORCE (PostgreSQL 13+) ends connections a failed test may have left behind.
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Drops a schema (and what is in it) at the end of a test. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
