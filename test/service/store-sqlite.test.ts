import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fsBlobStore, openSqliteStore } from '../../src/store/index.js';
import { describeBlobStoreContract } from './contract/blob-store-contract.js';
import { describeStoreContract } from './contract/store-contract.js';

describeStoreContract('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chatscreen-store-'));
  let store = openSqliteStore(dir);
  return {
    store,
    async reopen() {
      await store.close();
      store = openSqliteStore(dir);
      return store;
    },
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeBlobStoreContract('filesystem', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chatscreen-blobs-'));
  return {
    blobs: fsBlobStore(dir),
    async leftovers() {
      return readdir(join(dir, 'tmp')).catch(() => []);
    },
    async cleanup() {
      await rm(dir, { recursive: true, force: true });
    },
  };
});
