import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/index.js';
import { openPostgresStore } from '../../src/store/index.js';
import {
  createTestDatabase,
  postgresAvailable,
  type TestDatabase,
} from '../service/contract/postgres-support.js';
import { runChild } from './support/children.js';

const PROCESSES = 4;
const CONNECTIONS = 4;
const PER_PROCESS = 60;

const available = await postgresAvailable();

/**
 * The audit chain under concurrent writers: four processes, each with four connections, start
 * together on a fresh schema (so they also race through the migration), and each commits changes
 * with their audit events, some rolled back after appending. The chain must come out as one line:
 * every committed event once, seqs 1..N with no gap, each event's prevHash the hash before it (no
 * two events share a predecessor: no fork), the head on the last event, and `verify` ok.
 */
describe.skipIf(!available)('the audit chain with concurrent writers (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('stays one unbroken chain across processes and connections', async () => {
    const schema = db.schema('audit');
    const barrier = `chatscreen-test:${schema}`;
    const gate = new pg.Client({ connectionString: db.url });
    await gate.connect();
    await gate.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [barrier]);
    const children = Promise.all(
      Array.from({ length: PROCESSES }, (_, p) =>
        runChild('audit-writer.ts', [
          db.url,
          schema,
          String(CONNECTIONS),
          String(PER_PROCESS),
          `p${p}`,
          barrier,
        ]),
      ),
    );
    // Every writer has migrated and waits at the barrier: open it, and they all write at once.
    const waiting = async () =>
      (
        await gate.query<{ n: number }>(
          `SELECT count(*)::integer AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
      ).rows[0]?.n ?? 0;
    while ((await waiting()) < PROCESSES) await new Promise((r) => setTimeout(r, 50));
    await gate.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [barrier]);
    await gate.end();
    const outputs = await children;
    const results = outputs.map(
      (out) => JSON.parse(out) as { committed: string[]; rolledBack: string[] },
    );
    const committed = results.flatMap((r) => r.committed);
    const rolledBack = results.flatMap((r) => r.rolledBack);
    expect(committed.length + rolledBack.length).toBe(PROCESSES * PER_PROCESS);
    expect(rolledBack.length).toBeGreaterThan(0);

    const store = openPostgresStore({ connectionString: db.url, schema, poolSize: 2 });
    try {
      const verification = await verifyChain(store);
      expect(verification).toMatchObject({ ok: true, events: committed.length });
      const events = await store.read((tx) => tx.audit.scan(0, 100_000));
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      // The writers really did interleave: consecutive events from different processes.
      const switches = events.filter((e, i) => i > 0 && e.actor.id !== events[i - 1]?.actor.id);
      expect(switches.length).toBeGreaterThan(PROCESSES);
      expect(new Set(events.map((e) => e.prevHash)).size).toBe(events.length);
      events.forEach((e, i) => {
        if (i > 0) expect(e.prevHash).toBe(events[i - 1]?.hash);
      });
      // Each committed change has exactly its one event; rolled-back ones left none.
      expect(events.map((e) => e.subject?.id).sort()).toEqual([...committed].sort());
      const users = await store.read((tx) => tx.users.list());
      expect(users.map((u) => u.id).sort()).toEqual([...committed].sort());
      expect(await store.read((tx) => tx.audit.head())).toEqual({
        seq: events.length,
        hash: events.at(-1)?.hash,
      });
    } finally {
      await store.close();
    }

    // Four processes raced through the migration: it ran once.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>(
        `SELECT version FROM "${schema}".schema_migrations ORDER BY version`,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.version)).toEqual(rows.map((_, i) => i + 1));
    } finally {
      await client.end();
    }
  }, 180_000);
});
