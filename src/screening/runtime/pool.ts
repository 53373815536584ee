import type { Worker } from 'node:worker_threads';
import { type Category, ChatscreenError, type MessageScreening } from '../../domain/index.js';
import { spawnWorker } from '../../lib/worker-thread.js';
import { type FromWorker, fromWire, type ToWorker } from './protocol.js';

export interface WorkerPoolOptions {
  /** Module each worker runs (runtime/worker.ts in production; tests pass their own). */
  workerUrl: URL;
  workerData: unknown;
  size: number;
  /** How long `close()` waits for a worker to close its scorer before terminating it. */
  closeTimeoutMs?: number;
}

interface Task {
  texts: readonly string[];
  thresholds: Readonly<Record<Category, number>>;
  resolve(results: MessageScreening[]): void;
  reject(error: Error): void;
  signal: AbortSignal | undefined;
}

interface Slot {
  index: number;
  worker: Worker;
  ready: boolean;
  task: Task | null;
  taskId: number;
  lastError: Error | null;
  /** Set once close() or a failed start decided this worker is finished. */
  retiring: boolean;
}

/** Crashes without a successful batch in between before the pool gives up. */
const CRASH_LIMIT = 5;

/**
 * A fixed number of screening workers and a FIFO queue of batches. Each batch goes to the next
 * idle worker; results come back through promises, so the event loop only passes messages.
 * A worker that dies rejects its batch with a clear error and is replaced; a pool whose
 * replacements keep dying stops and rejects everything, rather than looping.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextTaskId = 1;
  private consecutiveCrashes = 0;
  private broken: ChatscreenError | null = null;
  private closing = false;

  private constructor(private readonly options: WorkerPoolOptions) {}

  /** Starts every worker and waits until each has created its scorer (or one failed). */
  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    const starting = Array.from({ length: options.size }, (_, index) => pool.spawn(index));
    const outcomes = await Promise.allSettled(starting);
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) {
      await pool.close();
      throw failure.reason;
    }
    return pool;
  }

  get size(): number {
    return this.options.size;
  }

  /** Scores one batch on the next idle worker; a batch whose signal aborted is not started. */
  run(
    texts: readonly string[],
    thresholds: Readonly<Record<Category, number>>,
    signal?: AbortSignal,
  ): Promise<MessageScreening[]> {
    if (this.closing) return Promise.reject(closedError());
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ texts, thresholds, resolve, reject, signal });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const task of this.queue.splice(0)) task.reject(closedError());
    const timeout = this.options.closeTimeoutMs ?? 10_000;
    await Promise.all(this.slots.map((slot) => this.retire(slot, timeout)));
  }

  private spawn(index: number): Promise<void> {
    const worker = spawnWorker(this.options.workerUrl, { workerData: this.options.workerData });
    const slot: Slot = {
      index,
      worker,
      ready: false,
      task: null,
      taskId: 0,
      lastError: null,
      retiring: false,
    };
    this.slots[index] = slot;
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          slot.ready = true;
          resolve();
          this.dispatch();
        } else if (message.type === 'init-failed') {
          slot.retiring = true;
          reject(fromWire(message.error));
          void worker.terminate();
        } else this.settle(slot, message);
      });
      worker.on('error', (error) => {
        slot.lastError = error;
      });
      worker.on('messageerror', () => {
        // A reply that cannot be deserialised would leave its batch waiting forever.
        const task = slot.task;
        slot.task = null;
        task?.reject(new ChatscreenError('internal', 'a screening result could not be received'));
        this.dispatch();
      });
      worker.on('exit', (code) => {
        if (!slot.ready && !slot.retiring) {
          reject(crashError(slot, code, 'while loading the model'));
        }
        this.onExit(slot, code);
      });
    });
  }

  private onExit(slot: Slot, code: number): void {
    const wasReady = slot.ready;
    const task = slot.task;
    slot.task = null;
    slot.ready = false;
    if (slot.retiring || this.closing) {
      task?.reject(closedError());
      return;
    }
    // A worker that never became ready: its spawn promise reports the failure.
    if (!wasReady) return;
    // Unexpected: the worker crashed (uncaught error, out of memory, native abort).
    task?.reject(crashError(slot, code, 'while screening a batch'));
    this.consecutiveCrashes += 1;
    if (this.consecutiveCrashes > CRASH_LIMIT) {
      this.fail(crashError(slot, code, `${this.consecutiveCrashes} times in a row`));
      return;
    }
    this.spawn(slot.index).catch((error: unknown) => {
      this.fail(
        error instanceof ChatscreenError
          ? error
          : new ChatscreenError('internal', 'a replacement screening worker failed to start'),
      );
    });
  }

  private fail(error: ChatscreenError): void {
    if (this.broken) return;
    this.broken = error;
    for (const task of this.queue.splice(0)) task.reject(error);
  }

  private settle(slot: Slot, message: FromWorker): void {
    if (message.type !== 'result' && message.type !== 'error') return;
    const task = slot.task;
    if (task === null || message.id !== slot.taskId) return;
    slot.task = null;
    if (message.type === 'result') {
      this.consecutiveCrashes = 0;
      task.resolve(message.results);
    } else task.reject(fromWire(message.error));
    this.dispatch();
  }

  /** The next batch still wanted. Checked here rather than with an abort listener per batch. */
  private nextTask(): Task | undefined {
    for (let task = this.queue.shift(); task !== undefined; task = this.queue.shift()) {
      if (!task.signal?.aborted) return task;
      task.reject(new ChatscreenError('internal', 'screening was cancelled'));
    }
    return undefined;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task !== null || slot.retiring) continue;
      const task = this.nextTask();
      if (task === undefined) return;
      slot.task = task;
      slot.taskId = this.nextTaskId++;
      const message: ToWorker = {
        type: 'screen',
        id: slot.taskId,
        texts: task.texts,
        thresholds: task.thresholds,
      };
      slot.worker.postMessage(message);
    }
  }

  private async retire(slot: Slot, timeoutMs: number): Promise<void> {
    slot.retiring = true;
    if (slot.ready) {
      const closed = new Promise<void>((resolve) => {
        slot.worker.on('message', (message: FromWorker) => {
          if (message.type === 'closed') resolve();
        });
        slot.worker.once('exit', () => resolve());
      });
      const message: ToWorker = { type: 'close' };
      slot.worker.postMessage(message);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        closed,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    }
    await slot.worker.terminate();
  }
}

function closedError(): ChatscreenError {
  return new ChatscreenError('internal', 'the classifier has been closed');
}

function crashError(slot: Slot, code: number, when: string): ChatscreenError {
  const reason = slot.lastError ? `: ${slot.lastError.name}: ${slot.lastError.message}` : '';
  return new ChatscreenError(
    'internal',
    `screening worker ${slot.index} stopped unexpectedly ${when} (exit code ${code})${reason}`.slice(
      0,
      500,
    ),
  );
}
