import { parentPort, workerData } from 'node:worker_threads';
import { scorerFactoryFor } from '../kinds.js';
import type { Scorer } from '../scorer.js';
import { type FromWorker, type ToWorker, toWire, type WorkerInit } from './protocol.js';

// One screening worker: creates its package kind's Scorer once, then scores batches in arrival
// order. session.run blocks this thread, never the main one.

const port = parentPort;
if (port === null) throw new Error('worker.ts runs only as a worker thread');
const send = (message: FromWorker): void => port.postMessage(message);

async function start(init: WorkerInit): Promise<Scorer | null> {
  try {
    const factory = await scorerFactoryFor(init.pkg.manifest.kind);
    const scorer = await factory.create(init.pkg);
    send({ type: 'ready' });
    return scorer;
  } catch (error) {
    send({ type: 'init-failed', error: toWire(error) });
    return null;
  }
}

const scorerReady = start(workerData as WorkerInit);
// Messages are handled strictly one after another, so `close` waits for the batch before it.
let queue: Promise<void> = Promise.resolve();

async function handle(message: ToWorker): Promise<void> {
  const scorer = await scorerReady;
  if (message.type === 'close') {
    await scorer?.close();
    send({ type: 'closed' });
    port?.close();
    return;
  }
  if (scorer === null) return;
  try {
    const results = await scorer.screen(message.texts, message.thresholds);
    send({ type: 'result', id: message.id, results });
  } catch (error) {
    send({ type: 'error', id: message.id, error: toWire(error) });
  }
}

port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});
