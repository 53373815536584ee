import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessQueue } from '../../src/jobs/index.js';
import { createLogger } from '../../src/main.js';
import { openSqliteStore } from '../../src/store/index.js';
import { describeJobQueueContract } from './contract/job-queue-contract.js';

describeJobQueueContract('in-process over SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chatscreen-queue-'));
  const store = openSqliteStore(dir);
  return {
    store,
    newQueue: (deps, concurrency) =>
      inProcessQueue(deps, { concurrency, log: createLogger('silent') }),
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
