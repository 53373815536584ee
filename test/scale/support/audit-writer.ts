// A child process for test/scale/audit-concurrency.test.ts: opens the PostgreSQL store (racing
// the other writers through the migration), then commits `count` transactions through a pool of
// `connections`, each a change (a user) and its audit event; every sixth appends and then rolls
// back. Prints {committed, rolledBack} as JSON. Argv: url schema connections count tag barrier.
import pg from 'pg';
import { openPostgresStore } from '../../../src/store/index.js';

const [url = '', schema = '', connections = '4', count = '50', tag = 'w', barrier = ''] =
  process.argv.slice(2);
const store = openPostgresStore({ connectionString: url, schema, poolSize: Number(connections) });
await store.ready;

// Wait at the parent's barrier (an advisory lock it holds) so that every writer starts at once.
const gate = new pg.Client({ connectionString: url });
await gate.connect();
await gate.query('SELECT pg_advisory_lock_shared(hashtextextended($1, 0))', [barrier]);
await gate.end();
const committed: string[] = [];
const rolledBack: string[] = [];

async function one(i: number): Promise<void> {
  const id = `${tag}-${i}`;
  const abort = i % 6 === 5;
  try {
    await store.transaction(async (tx) => {
      await tx.users.insert(
        { id, name: id, role: 'reviewer', disabled: false, createdAt: new Date().toISOString() },
        `token-${id}`,
      );
      await tx.audit.append({
        at: new Date().toISOString(),
        actor: { kind: 'operator', id: tag },
        action: 'user.created',
        caseId: null,
        subject: { type: 'user', id },
        justification: null,
        details: { i },
      });
      if (abort) throw new Error('rolled back on purpose');
    });
    committed.push(id);
  } catch (error) {
    if (!abort) throw error;
    rolledBack.push(id);
  }
}

// `connections` lanes, each committing its share back to back: that many concurrent writers.
const lanes = Array.from({ length: Number(connections) }, async (_, lane) => {
  for (let i = lane; i < Number(count); i += Number(connections)) await one(i);
});
await Promise.all(lanes);
await store.close();
process.stdout.write(`${JSON.stringify({ committed, rolledBack })}\n`);
