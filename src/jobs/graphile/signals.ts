import { EventEmitter } from 'node:events';
import pg, { type PoolClient } from 'pg';
import type { RunSignals } from '../run-signals.js';

export interface PgSignals extends RunSignals {
  close(): Promise<void>;
}

const RECONNECT_MS = 1000;

/**
 * RunSignals across processes: a worker's `notify` is a PostgreSQL NOTIFY on `channel`, and
 * every process with a follower LISTENs on one connection and wakes its local subscribers. Still
 * only a hint, as the interface says: SSE streams read the store and poll anyway, so a dropped
 * connection costs latency (one poll interval), never an event.
 */
export function pgSignals(connectionString: string, channel: string): PgSignals {
  // One connection listens, one sends notifications.
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on('error', () => {});
  const local = new EventEmitter();
  local.setMaxListeners(0);
  let listener: PoolClient | null = null;
  let connecting: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;

  function drop(client: PoolClient): void {
    if (listener !== client) return;
    listener = null;
    client.release(true);
    if (!closed && local.eventNames().length > 0) {
      retry = setTimeout(() => {
        retry = null;
        void listen();
      }, RECONNECT_MS);
    }
  }

  function listen(): Promise<void> {
    if (listener !== null || closed) return Promise.resolve();
    connecting ??= (async () => {
      try {
        const client = await pool.connect();
        client.on('notification', (message) => {
          if (message.channel === channel && message.payload !== undefined) {
            local.emit(message.payload);
          }
        });
        client.on('error', () => drop(client));
        listener = client;
        await client.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
        if (closed) drop(client);
      } catch {
        // Followers keep polling the store; try again later.
        if (!closed)
          retry ??= setTimeout(() => {
            retry = null;
            void listen();
          }, RECONNECT_MS);
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  }

  return {
    notify(runId) {
      local.emit(runId);
      if (closed) return;
      pool.query('SELECT pg_notify($1, $2)', [channel, runId]).catch(() => {});
    },
    subscribe(runId, subscriber) {
      local.on(runId, subscriber);
      void listen();
      return () => local.off(runId, subscriber);
    },
    async close() {
      closed = true;
      if (retry !== null) clearTimeout(retry);
      await connecting;
      if (listener !== null) {
        const client = listener;
        listener = null;
        client.release(true);
      }
      local.removeAllListeners();
      await pool.end();
    },
  };
}
