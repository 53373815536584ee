import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdPresence } from '../../src/store/index.js';
import {
  createTestDatabase,
  postgresAvailable,
  type TestDatabase,
} from '../service/contract/postgres-support.js';

const available = await postgresAvailable();

/** API replicas: only one that arrives alone cleans up after crashes (src/main.ts). */
describe.skipIf(!available)('API presence (PostgreSQL advisory locks)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('says alone only when no other process holds it, and frees it when one leaves', async () => {
    const first = await holdPresence(db.url, 'api');
    expect(first.alone).toBe(true);
    await first.share();
    const second = await holdPresence(db.url, 'api');
    expect(second.alone).toBe(false);
    await first.release();
    const third = await holdPresence(db.url, 'api');
    expect(third.alone).toBe(false);
    await second.release();
    await third.release();
    const last = await holdPresence(db.url, 'api');
    expect(last.alone).toBe(true);
    await last.release();
    const other = await holdPresence(db.url, 'another-deployment');
    expect(other.alone).toBe(true);
    await other.release();
  });
});
