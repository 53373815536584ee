import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRun,
  type JobQueue,
  type JobsContext,
  type RunDeps,
} from '../../../src/jobs/index.js';
import type { Store } from '../../../src/store/index.js';
import { type FakeCatalog, fakeCatalog, MODEL_A } from '../support/fake-catalog.js';
import { caseRecord, deferred, message, NOW, parseReport } from './builders.js';

/**
 * The JobQueue contract: the in-process queue passes it (test/service/job-queue.test.ts); a
 * graphile-worker queue across processes (issue 6) must pass it too. The durable state is the
 * store; the queue only decides who works on what.
 */
export interface QueueHarness {
  store: Store;
  /** A new queue over the same store and deps, as a restarted process would have. */
  newQueue(deps: RunDeps, concurrency: number): JobQueue;
  cleanup(): Promise<void>;
}

const TEXTS = [
  'hello',
  'you idiot',
  'see you',
  'scum',
  'fine',
  'kill them',
  'ok',
  'idiot scum',
  'bye',
  'later',
];

async function seed(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.cases.insert(caseRecord('c1'));
    await tx.exports.insert({
      id: 'x1',
      caseId: 'c1',
      status: 'importing',
      sha256: 'e'.repeat(64),
      byteSize: 1,
      fileName: 'a.csv',
      format: null,
      variant: null,
      timezone: 'UTC',
      dateOrder: null,
      report: null,
      messageCount: 0,
      inScopeCount: 0,
      createdAt: NOW,
      createdBy: 'u1',
    });
    await tx.messages.insertMany(
      'x1',
      TEXTS.map((text, seq) => message('x1', seq, { text })),
    );
  });
}

export function describeJobQueueContract(name: string, open: () => Promise<QueueHarness>): void {
  describe(`JobQueue contract: ${name}`, () => {
    let harness: QueueHarness;
    let catalog: FakeCatalog;
    let deps: RunDeps;
    const queues: JobQueue[] = [];

    function queue(concurrency = 2): JobQueue {
      const q = harness.newQueue(deps, concurrency);
      queues.push(q);
      return q;
    }

    async function newRun(): Promise<string> {
      const ctx: JobsContext = {
        store: harness.store,
        actor: { kind: 'system', userId: null, role: null },
        now: () => new Date(),
        justification: null,
        catalog,
        queue: queues[0] ?? queue(),
        runBatchSize: 3,
      };
      const run = await harness.store.transaction(async (tx) => {
        const row = await tx.exports.get('x1');
        if (row === null) throw new Error('seed missing');
        return createRun(tx, ctx, {
          exportRow: row,
          model: MODEL_A.ref,
          purpose: 'screen',
          baseRunId: null,
        });
      });
      return run.id;
    }

    beforeEach(async () => {
      harness = await open();
      catalog = fakeCatalog();
      deps = {
        store: harness.store,
        catalog,
        signals: { notify() {}, subscribe: () => () => {} },
        now: () => new Date(),
      };
      await seed(harness.store);
      await harness.store.transaction((tx) =>
        tx.exports.markReady('x1', {
          report: parseReport(TEXTS.length),
          format: 'csv',
          variant: null,
          dateOrder: null,
          messageCount: TEXTS.length,
          inScopeCount: TEXTS.length,
        }),
      );
    });
    afterEach(async () => {
      catalog.gate.wait = async () => {};
      for (const q of queues.splice(0)) await q.stop();
      await harness.cleanup();
    });

    it('runs an enqueued run to done, batch by batch', async () => {
      const q = queue();
      await q.start();
      const runId = await newRun();
      q.enqueue(runId);
      await q.drain();
      const [run, flags] = await harness.store.read(
        async (tx) => [await tx.runs.get(runId), await tx.flags.allForRun(runId)] as const,
      );
      expect(run).toMatchObject({ status: 'done', batchCount: 4, batchesDone: 4, screened: 10 });
      expect(flags.map((f) => f.text)).toEqual(['idiot', 'scum', 'kill', 'idiot', 'scum']);
    });

    it('runs an id enqueued twice only once', async () => {
      const q = queue();
      await q.start();
      const runId = await newRun();
      q.enqueue(runId);
      q.enqueue(runId);
      await q.drain();
      expect(catalog.screenedBatches).toBe(4);
    });

    it('picks up unfinished runs on start, including ones nobody enqueued', async () => {
      const first = await newRun();
      const second = await newRun();
      const q = queue();
      await q.start();
      await q.drain();
      const runs = await harness.store.read(async (tx) => [
        await tx.runs.get(first),
        await tx.runs.get(second),
      ]);
      expect(runs.map((r) => r?.status)).toEqual(['done', 'done']);
    });

    it('stops between batches; a new queue finishes the run with no batch done twice', async () => {
      const gate = deferred();
      let calls = 0;
      catalog.gate.wait = async () => {
        calls += 1;
        if (calls > 1) await gate.promise;
      };
      const q1 = queue();
      await q1.start();
      const runId = await newRun();
      q1.enqueue(runId);
      // Wait for the first batch to commit: immediate in process, a job pick-up away elsewhere.
      for (
        let i = 0;
        i < 6000 && (await harness.store.read((tx) => tx.runs.get(runId)))?.batchesDone !== 1;
        i += 1
      ) {
        await new Promise<void>((resolve) => setTimeout(resolve, i < 50 ? 0 : 10));
      }
      const stopping = q1.stop();
      gate.resolve();
      await stopping;
      const partial = await harness.store.read((tx) => tx.runs.get(runId));
      expect(partial?.status).toBe('running');
      expect(partial?.batchesDone).toBeLessThan(4);

      catalog.gate.wait = async () => {};
      const q2 = queue();
      await q2.start();
      await q2.drain();
      const [run, flags] = await harness.store.read(
        async (tx) => [await tx.runs.get(runId), await tx.flags.allForRun(runId)] as const,
      );
      expect(run).toMatchObject({ status: 'done', batchesDone: 4, screened: 10, flagCount: 5 });
      expect(flags.map((f) => f.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    });
  });
}
