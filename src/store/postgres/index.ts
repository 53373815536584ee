export { withSessionLock } from './locks.js';
export { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from './open.js';
export { holdPresence, type Presence } from './presence.js';
