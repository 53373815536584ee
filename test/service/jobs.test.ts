import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createRun, planBatches } from '../../src/jobs/index.js';
import { createLogger, createService } from '../../src/main.js';
import type { FlagRecord } from '../../src/store/index.js';
import { deferred } from './contract/builders.js';
import { fakeCatalog } from './support/fake-catalog.js';
import {
  type CsvRow,
  type Harness,
  json,
  makeHarness,
  openCase,
  runToDone,
  uploadSample,
} from './support/harness.js';

const ROWS: CsvRow[] = Array.from({ length: 40 }, (_, i) => ({
  text:
    i % 3 === 0
      ? `message ${i} you idiot`
      : i % 7 === 0
        ? `they are scum ${i}`
        : `ordinary message ${i}`,
  sender: i % 2 === 0 ? 'Ana Example' : 'Ben Sample',
}));

const keys = (flags: FlagRecord[]) =>
  flags.map((f) => [f.messageId, f.start, f.end, f.category, f.score]);

/** Lets pending promise callbacks run, without waiting on the clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('runs as durable jobs', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness({ CHATSCREEN_RUN_CONCURRENCY: '2' });
  });
  afterEach(async () => {
    await h.close();
  });

  it('plans fixed batches from the screenable seqs', () => {
    expect(
      planBatches('r', [0, 2, 3, 7, 9], 2).map((b) => [b.firstSeq, b.lastSeq, b.size]),
    ).toEqual([
      [0, 2, 2],
      [3, 7, 2],
      [9, 9, 1],
    ]);
    expect(planBatches('r', [], 2)).toEqual([]);
  });

  it('runs several at once, never more than the configured concurrency', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId, ROWS);
    let waiting = 0;
    let most = 0;
    const gate = deferred();
    h.catalog.gate.wait = async () => {
      waiting += 1;
      most = Math.max(most, waiting);
      await gate.promise;
      waiting -= 1;
    };
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      ids.push(
        (
          await json<{ id: string }>(
            await h.request('POST', `/api/exports/${exp.id}/runs`, { json: {} }),
          )
        ).id,
      );
    }
    try {
      await settle();
      const statuses = await Promise.all(
        ids.map(
          async (id) =>
            (await json<{ status: string }>(await h.request('GET', `/api/runs/${id}`))).status,
        ),
      );
      expect(statuses.sort()).toEqual(['queued', 'queued', 'running', 'running']);
      // Each running run screens one batch ahead of the one it commits: two calls per run.
      expect(waiting).toBe(4);
    } finally {
      gate.resolve();
    }
    await h.service.deps.queue.drain();
    expect(most).toBe(4);
    for (const id of ids) {
      expect(
        await json<{ status: string }>(await h.request('GET', `/api/runs/${id}`)),
      ).toMatchObject({ status: 'done' });
    }
  });

  it('resumes an abandoned run in a new process with exactly the flags of an uninterrupted run', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId, ROWS);
    const reference = await runToDone(h, exp.id);

    // The first "process" screens two batches, then hangs on the third and is abandoned.
    let batches = 0;
    const stale = deferred();
    h.catalog.gate.wait = async () => {
      batches += 1;
      if (batches > 2) await stale.promise;
    };
    const runId = (
      await json<{ id: string }>(
        await h.request('POST', `/api/exports/${exp.id}/runs`, { json: {} }),
      )
    ).id;
    await settle();
    const partial = await h.service.deps.store.read((tx) => tx.runs.get(runId));
    expect(partial).toMatchObject({ status: 'running', batchesDone: 2 });

    // A second process on the same data directory resumes it from the store.
    const config = loadConfig({
      CHATSCREEN_DATA_DIR: join(h.dir, 'data'),
      CHATSCREEN_MODELS_DIR: join(h.dir, 'models'),
      CHATSCREEN_RUN_BATCH_SIZE: '3',
      LOG_LEVEL: 'silent',
    });
    const second = await createService(config, {
      catalog: fakeCatalog(),
      log: createLogger('silent'),
    });
    try {
      await second.start();
      await second.deps.queue.drain();
      // Now the stale worker wakes up and tries to commit its batch again: nothing changes.
      stale.resolve();
      await h.service.deps.queue.drain();
      const [resumed, original, run] = await second.deps.store.read(
        async (tx) =>
          [
            await tx.flags.allForRun(runId),
            await tx.flags.allForRun(reference),
            await tx.runs.get(runId),
          ] as const,
      );
      expect(run).toMatchObject({ status: 'done', batchesDone: run?.batchCount });
      expect(keys(resumed)).toEqual(keys(original));
      expect(resumed.map((f) => f.seq).sort((a, b) => a - b)).toEqual(resumed.map((_, i) => i + 1));
      expect(new Set(resumed.map((f) => f.id)).size).toBe(resumed.length);
    } finally {
      await second.close();
    }
  });

  it('fails a run whose recorded model package is not installed, and says why', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const deps = h.service.deps;
    const ctx = {
      store: deps.store,
      actor: {
        kind: 'user' as const,
        userId: h.users.investigator.id,
        role: 'investigator' as const,
      },
      now: deps.now,
      justification: null,
      catalog: deps.catalog,
      queue: deps.queue,
      runBatchSize: deps.runBatchSize,
    };
    const run = await deps.store.transaction(async (tx) => {
      const exportRow = await tx.exports.get(exp.id);
      if (exportRow === null) throw new Error('no export');
      return createRun(tx, ctx, {
        exportRow,
        model: { id: 'lexicon-a', sha256: 'd'.repeat(64) },
        purpose: 'screen',
        baseRunId: null,
      });
    });
    deps.queue.enqueue(run.id);
    await deps.queue.drain();
    const view = await json<{ status: string; error: string }>(
      await h.request('GET', `/api/runs/${run.id}`),
    );
    expect(view).toMatchObject({ status: 'failed', error: 'model_package_changed' });
    const events = await json<{ items: { action: string; details: Record<string, unknown> }[] }>(
      await h.request('GET', '/api/audit/events?action=run.failed', { as: 'auditor' }),
    );
    expect(events.items).toEqual([
      expect.objectContaining({ details: { error: 'model_package_changed' } }),
    ]);
  });
});
