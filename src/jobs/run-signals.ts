import { EventEmitter } from 'node:events';

/**
 * Wakes whoever follows a run (SSE streams) when a batch commits or the run ends. Only a hint:
 * followers always read the store, so a missed signal costs a poll interval, never an event.
 * In-process now; PostgreSQL LISTEN/NOTIFY can implement it across processes (issue 6).
 */
export interface RunSignals {
  notify(runId: string): void;
  subscribe(runId: string, listener: () => void): () => void;
}

export function inProcessSignals(): RunSignals {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    notify(runId) {
      emitter.emit(runId);
    },
    subscribe(runId, listener) {
      emitter.on(runId, listener);
      return () => emitter.off(runId, listener);
    },
  };
}
