export { type GraphileQueue, type GraphileQueueOptions, graphileQueue } from './queue.js';
export { type PgSignals, pgSignals } from './signals.js';
