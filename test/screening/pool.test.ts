import { afterEach, describe, expect, it } from 'vitest';
import { CATEGORIES, type Category, ChatscreenError } from '../../src/domain/index.js';
import { WorkerPool } from '../../src/screening/runtime/pool.js';

const workerUrl = new URL('./fixtures/fake-worker.ts', import.meta.url);
const thresholds = Object.fromEntries(CATEGORIES.map((c) => [c, 0.5])) as Record<Category, number>;
const pools: WorkerPool[] = [];

async function start(size: number, workerData: unknown = {}): Promise<WorkerPool> {
  const pool = await WorkerPool.start({ workerUrl, workerData, size });
  pools.push(pool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('WorkerPool', () => {
  it('returns every batch its own results, whatever worker ran it', async () => {
    const pool = await start(3);
    const batches = Array.from({ length: 20 }, (_, i) => ['x'.repeat(i), 'y'.repeat(i + 1)]);
    const results = await Promise.all(batches.map((batch) => pool.run(batch, thresholds)));
    expect(results.map((r) => r.map((m) => m.scores.any))).toEqual(
      batches.map((batch) => batch.map((text) => text.length)),
    );
  });

  it('passes the thresholds in force to the worker', async () => {
    const pool = await start(1);
    const [result] = await pool.run(['a'], { ...thresholds, insult: 0.25 });
    expect(result?.scores.insult).toBe(0.25);
  });

  it('propagates a scorer error as a ChatscreenError with its code', async () => {
    const pool = await start(2);
    const failure = await pool.run(['ok', 'FAIL'], thresholds).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChatscreenError);
    expect((failure as ChatscreenError).code).toBe('malformed_input');
    // The worker is still usable.
    expect(await pool.run(['abc'], thresholds)).toHaveLength(1);
  });

  it('rejects the batch of a crashed worker clearly, replaces the worker and carries on', async () => {
    const pool = await start(2);
    const crash = pool.run(['CRASH'], thresholds);
    await expect(crash).rejects.toThrow(
      /stopped unexpectedly while screening a batch \(exit code 3\)/,
    );
    await expect(crash).rejects.toMatchObject({ code: 'internal' });
    const after = await Promise.all(
      Array.from({ length: 6 }, (_, i) => pool.run(['z'.repeat(i)], thresholds)),
    );
    expect(after.map((r) => r[0]?.scores.any)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives up with an error after repeated crashes instead of respawning forever', async () => {
    const pool = await start(1);
    for (let i = 0; i < 6; i++) {
      await expect(pool.run(['CRASH'], thresholds)).rejects.toThrow(/stopped unexpectedly/);
    }
    await expect(pool.run(['fine'], thresholds)).rejects.toThrow(/times in a row/);
  });

  it("fails to start with the worker's own error when the scorer cannot be created", async () => {
    const failure = await start(2, { failInit: true }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'model_package_invalid',
      message: 'fake package is broken',
    });
  });

  it('fails to start when a worker dies while loading', async () => {
    await expect(start(1, { crashInit: true })).rejects.toThrow(
      /while loading the model \(exit code 7\)/,
    );
  });

  it('keeps the event loop free while a worker is busy', async () => {
    const flag = new SharedArrayBuffer(4);
    const pool = await start(1, { flag });
    const pending = pool.run(['WAIT'], thresholds);
    // If the main thread were blocked until the batch finished, this would never run and the
    // worker would wait forever (the test would time out).
    await new Promise<void>((resolve) => setImmediate(resolve));
    Atomics.store(new Int32Array(flag), 0, 1);
    Atomics.notify(new Int32Array(flag), 0);
    expect(await pending).toHaveLength(1);
  });

  it('rejects queued and later work once closed', async () => {
    const pool = await start(1);
    const first = pool.run(['a'], thresholds);
    const queued = pool.run(['b'], thresholds);
    const closing = pool.close();
    await expect(queued).rejects.toThrow(/closed/);
    await first.catch(() => undefined);
    await closing;
    await expect(pool.run(['c'], thresholds)).rejects.toThrow(/closed/);
  });

  it('does not start queued batches whose signal aborted', async () => {
    const flag = new SharedArrayBuffer(4);
    const pool = await start(1, { flag });
    const busy = pool.run(['WAIT'], thresholds);
    const abort = new AbortController();
    const queued = pool.run(['later'], thresholds, abort.signal);
    abort.abort();
    Atomics.store(new Int32Array(flag), 0, 1);
    Atomics.notify(new Int32Array(flag), 0);
    await busy;
    await expect(queued).rejects.toThrow(/cancelled/);
  });
});
