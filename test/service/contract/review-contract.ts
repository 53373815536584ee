import { describe, expect, it } from 'vitest';
import type {
  DecisionRecord,
  QcItemRecord,
  QcSampleRecord,
  Store,
} from '../../../src/store/index.js';
import { caseRecord, message, NOW, parseReport, run } from './builders.js';

/**
 * The Store methods the reviewer page and blind second review (issue 5) added:
 * `decisions.listForRun` and the `qc` repository. Called from describeStoreContract, so every
 * implementation runs it; `store()` is the harness's store of the current test.
 */

const LATER = '2024-05-01T11:00:00.000Z';

async function seedRunWithFlags(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.cases.insert(caseRecord('c1'));
    await tx.exports.insert({
      id: 'x1',
      caseId: 'c1',
      status: 'importing',
      sha256: 'c'.repeat(64),
      byteSize: 10,
      fileName: 'chat.jsonl',
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
      [0, 1, 2, 3].map((seq) => message('x1', seq)),
    );
    await tx.exports.markReady('x1', {
      report: parseReport(4),
      format: 'jsonl',
      variant: null,
      dateOrder: null,
      messageCount: 4,
      inScopeCount: 4,
    });
    for (const id of ['r1', 'r2']) {
      await tx.runs.insert(run(id, 'x1', { batchCount: 1 }), [
        { runId: id, index: 0, firstSeq: 0, lastSeq: 3, size: 4, done: false },
      ]);
      await tx.runs.completeBatch(
        id,
        0,
        [0, 2].map((seq) => ({
          id: `${id}-f${seq}`,
          messageId: `x1-m${seq}`,
          messageSeq: seq,
          start: 0,
          end: 4,
          category: 'insult' as const,
          score: 0.75,
          text: 'text',
        })),
        4,
      );
    }
  });
}

function decision(id: string, flagId: string, runId: string, at: string): DecisionRecord {
  return {
    id,
    flagId,
    runId,
    caseId: 'c1',
    outcome: 'relevant',
    reason: `reason ${id}`,
    decidedBy: 'u1',
    decidedAt: at,
  };
}

function sample(id: string, createdAt: string): QcSampleRecord {
  return {
    id,
    runId: 'r1',
    caseId: 'c1',
    seed: `seed ${id}`,
    flagShare: 0.25,
    unflaggedRequested: 1,
    reviewerIds: ['u2', 'u3'],
    flagsEligible: 2,
    flagsDrawn: 1,
    unflaggedEligible: 2,
    unflaggedDrawn: 1,
    createdAt,
    createdBy: 'u1',
  };
}

function item(id: string, sampleId: string, position: number, kind: 'flag' | 'message') {
  const record: QcItemRecord = {
    id,
    sampleId,
    runId: 'r1',
    caseId: 'c1',
    position,
    kind,
    flagId: kind === 'flag' ? 'r1-f0' : null,
    messageId: kind === 'flag' ? 'x1-m0' : 'x1-m1',
    messageSeq: kind === 'flag' ? 0 : 1,
    firstDecisionId: kind === 'flag' ? 'd1' : null,
    assignedTo: 'u2',
  };
  return record;
}

export function describeReviewContract(store: () => Store): void {
  describe('review queue and blind second review', () => {
    it("lists a run's decisions, and only that run's, by time then id", async () => {
      await seedRunWithFlags(store());
      await store().transaction(async (tx) => {
        await tx.decisions.insert(decision('d3', 'r1-f2', 'r1', LATER));
        await tx.decisions.insert(decision('d2', 'r1-f0', 'r1', NOW));
        await tx.decisions.insert(decision('d1', 'r1-f0', 'r1', NOW));
        await tx.decisions.insert(decision('d9', 'r2-f0', 'r2', NOW));
      });
      const listed = await store().read((tx) => tx.decisions.listForRun('r1'));
      expect(listed.map((d) => d.id)).toEqual(['d1', 'd2', 'd3']);
      expect(listed[2]).toEqual(decision('d3', 'r1-f2', 'r1', LATER));
      expect(await store().read((tx) => tx.decisions.listForRun('nope'))).toEqual([]);
    });

    it('keeps samples with their items, in order, and second decisions', async () => {
      await seedRunWithFlags(store());
      await store().transaction(async (tx) => {
        await tx.qc.insertSample(sample('s2', LATER), [item('i3', 's2', 0, 'message')]);
        await tx.qc.insertSample(sample('s1', NOW), [
          item('i2', 's1', 1, 'message'),
          item('i1', 's1', 0, 'flag'),
        ]);
        await tx.qc.insertDecision({
          id: 'q2',
          itemId: 'i1',
          runId: 'r1',
          caseId: 'c1',
          outcome: 'not_relevant',
          reason: 'quoted',
          decidedBy: 'u2',
          decidedAt: LATER,
        });
        await tx.qc.insertDecision({
          id: 'q1',
          itemId: 'i1',
          runId: 'r1',
          caseId: 'c1',
          outcome: 'relevant',
          reason: 'slur',
          decidedBy: 'u2',
          decidedAt: NOW,
        });
      });
      const result = await store().read(async (tx) => ({
        samples: await tx.qc.listSamples('r1'),
        items: await tx.qc.listItems('r1'),
        one: await tx.qc.getItem('i1'),
        none: await tx.qc.getItem('nope'),
        decisions: await tx.qc.listDecisions('r1'),
        otherRun: await tx.qc.listItems('r2'),
      }));
      expect(result.samples).toEqual([sample('s1', NOW), sample('s2', LATER)]);
      expect(result.items.map((i) => i.id)).toEqual(['i1', 'i2', 'i3']);
      expect(result.one).toEqual(item('i1', 's1', 0, 'flag'));
      expect(result.items[1]).toEqual(item('i2', 's1', 1, 'message'));
      expect(result.none).toBeNull();
      expect(result.decisions.map((d) => [d.id, d.outcome, d.reason])).toEqual([
        ['q1', 'relevant', 'slur'],
        ['q2', 'not_relevant', 'quoted'],
      ]);
      expect(result.otherRun).toEqual([]);
    });

    it('rolls a sample back with its items', async () => {
      await seedRunWithFlags(store());
      await expect(
        store().transaction(async (tx) => {
          await tx.qc.insertSample(sample('s1', NOW), [item('i1', 's1', 0, 'flag')]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const left = await store().read(async (tx) => ({
        samples: await tx.qc.listSamples('r1'),
        item: await tx.qc.getItem('i1'),
      }));
      expect(left).toEqual({ samples: [], item: null });
    });
  });
}
