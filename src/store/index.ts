export * from './blob-store.js';
export { fsBlobStore } from './blobs/fs-blob-store.js';
export {
  holdPresence,
  openPostgresStore,
  type PostgresStore,
  type Presence,
  withSessionLock,
} from './postgres/index.js';
export * from './records.js';
export { openSqliteStore } from './sqlite/open.js';
export * from './store.js';
