import { afterAll, beforeAll, describe } from 'vitest';
import { graphileQueue } from '../../../src/jobs/graphile/index.js';
import { createLogger } from '../../../src/main.js';
import { openPostgresStore, type PostgresStore } from '../../../src/store/index.js';
import { describeJobQueueContract } from './job-queue-contract.js';
import {
  createTestDatabase,
  dropSchema,
  postgresAvailable,
  type TestDatabase,
} from './postgres-support.js';
import { describeStoreContract } from './store-contract.js';

// The same contract suites SQLite and the in-process queue pass, against PostgreSQL and
// graphile-worker (a database per file, schemas per test). Skipped with a message when no server
// is reachable, unless CI is set.
const available = await postgresAvailable();

describe.skipIf(!available)('PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  describeStoreContract('postgres', async () => {
    const schema = db.schema();
    const open = () => openPostgresStore({ connectionString: db.url, schema, poolSize: 4 });
    let store: PostgresStore = open();
    await store.ready;
    return {
      store,
      async reopen() {
        await store.close();
        store = open();
        return store;
      },
      async cleanup() {
        await store.close();
        await dropSchema(db.url, schema);
      },
    };
  });

  describeJobQueueContract('graphile-worker over PostgreSQL', async () => {
    const schema = db.schema();
    const jobs = `${schema}_jobs`;
    const store = openPostgresStore({ connectionString: db.url, schema, poolSize: 4 });
    await store.ready;
    return {
      store,
      newQueue: (deps, concurrency) =>
        graphileQueue(deps, {
          connectionString: db.url,
          schema: jobs,
          concurrency,
          log: createLogger('silent'),
          drainPollMs: 20,
        }),
      async cleanup() {
        await store.close();
        await dropSchema(db.url, schema);
        await dropSchema(db.url, jobs);
      },
    };
  });
});
