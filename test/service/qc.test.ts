import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/access/index.js';
import type { AuditEvent } from '../../src/domain/index.js';
import type { FlagView } from '../../src/review/index.js';
import {
  type Harness,
  json,
  makeHarness,
  openCase,
  runToDone,
  SAMPLE_ROWS,
  uploadSample,
} from './support/harness.js';

const WHY = 'Second review of case OP-TEST-1';

interface Sample {
  id: string;
  seed: string;
  flagsEligible: number;
  flagsDrawn: number;
  unflaggedEligible: number;
  unflaggedDrawn: number;
}
interface ItemSummary {
  id: string;
  kind: 'flag' | 'message';
  outcome: string | null;
}

/**
 * Blind second review through the HTTP surface: a seeded sample of decided flags and unflagged
 * messages goes to a reviewer who did not decide them, who never sees the first decision, and
 * whose decisions give agreement and the overturn rate with Wilson intervals.
 */
describe('blind second review (QC)', () => {
  let h: Harness;
  let caseId: string;
  let runId: string;
  let flags: FlagView[];
  let second: { id: string; token: string };

  beforeAll(async () => {
    h = await makeHarness();
    caseId = await openCase(h);
    const ctx = {
      store: h.service.deps.store,
      actor: { kind: 'operator' as const, userId: null, role: null, osUser: 't' },
      now: () => new Date(),
      justification: null,
    };
    const created = await createUser({ ctx, input: { name: 'Second Reviewer', role: 'reviewer' } });
    second = { id: created.user.id, token: created.token };
    await h.request('POST', `/api/cases/${caseId}/members`, {
      json: { userId: second.id, role: 'reviewer' },
    });
    // Four more ordinary lines: eight unflagged messages, of which seven are drawn below.
    const rows = [
      ...SAMPLE_ROWS,
      { text: 'kill them all' },
      { text: 'what an idiot' },
      { text: 'on my way' },
      { text: 'thanks' },
      { text: 'see you tomorrow' },
      { text: 'ok' },
    ];
    const exp = await uploadSample(h, caseId, rows);
    runId = await runToDone(h, exp.id);
    const page = await json<{ items: FlagView[] }>(
      await h.request('GET', `/api/runs/${runId}/flags`, { as: 'reviewer', justification: WHY }),
    );
    flags = page.items;
    const outcomes = ['relevant', 'not_relevant', 'relevant', 'relevant', 'needs_second_review'];
    for (const [i, flag] of flags.entries()) {
      const decided = await h.request('POST', `/api/flags/${flag.id}/decisions`, {
        as: 'reviewer',
        json: { outcome: outcomes[i % outcomes.length], reason: `first ${i}` },
      });
      expect(decided.status).toBe(201);
    }
  });
  afterAll(async () => {
    await h.close();
  });

  const asSecond = (method: string, path: string, body?: unknown) =>
    h.request(method, path, {
      token: second.token,
      justification: WHY,
      ...(body === undefined ? {} : { json: body }),
    });

  it('draws a recorded, seeded sample and never gives a flag to the reviewer who decided it', async () => {
    expect(flags.length).toBe(5);
    const response = await h.request('POST', `/api/runs/${runId}/qc/samples`, {
      json: {
        flagShare: 1,
        // Seven: however the seeded order interleaves the five flags (all the second reviewer's)
        // with the messages, the balanced assignment then gives the second reviewer at least one
        // unflagged message (the first reviewer would otherwise reach six while the second has
        // five), which the tests below rely on. Fewer left it to the flags' random ids.
        unflaggedCount: 7,
        reviewerIds: [h.users.reviewer.id, second.id],
        seed: 'fixed-seed',
      },
    });
    expect(response.status).toBe(201);
    const sample = await json<Sample>(response);
    expect(sample).toMatchObject({
      seed: 'fixed-seed',
      flagsEligible: 5,
      flagsDrawn: 5,
      unflaggedDrawn: 7,
    });
    const first = await json<{ items: ItemSummary[] }>(
      await h.request('GET', `/api/runs/${runId}/qc/items`, { as: 'reviewer' }),
    );
    const mine = await json<{ items: ItemSummary[] }>(
      await asSecond('GET', `/api/runs/${runId}/qc/items`),
    );
    // Every flag item goes to the second reviewer; the unflagged messages are shared out.
    expect(first.items.every((i) => i.kind === 'message')).toBe(true);
    expect(mine.items.filter((i) => i.kind === 'flag')).toHaveLength(5);
    expect(first.items.length + mine.items.length).toBe(12);

    const events = await json<{ items: AuditEvent[] }>(
      await h.request('GET', `/api/audit/events?caseId=${caseId}&action=qc.sampled`, {
        as: 'auditor',
      }),
    );
    expect(events.items[0]?.details).toMatchObject({ seed: 'fixed-seed', flagsDrawn: 5 });
  });

  it('draws the same unflagged messages from the same seed on another run of the export', async () => {
    const run = await json<{ exportId: string }>(
      await h.request('GET', `/api/runs/${runId}`, { as: 'reviewer' }),
    );
    const otherRun = await runToDone(h, run.exportId);
    const seqsOf = async (id: string) => {
      const sampled = await h.request('POST', `/api/runs/${id}/qc/samples`, {
        json: { flagShare: 0, unflaggedCount: 3, reviewerIds: [second.id], seed: 'same' },
      });
      expect(sampled.status).toBe(201);
      const items = await json<{ items: { id: string }[] }>(
        await asSecond('GET', `/api/runs/${id}/qc/items`),
      );
      const seqs: number[] = [];
      for (const item of items.items) {
        const detail = await json<{ message: { seq: number } }>(
          await asSecond('GET', `/api/qc-items/${item.id}`),
        );
        seqs.push(detail.message.seq);
      }
      return seqs;
    };
    const third = await runToDone(h, run.exportId);
    expect(await seqsOf(otherRun)).toEqual(await seqsOf(third));
  });

  it('hides the first decision from the second reviewer on every read', async () => {
    const mine = await json<{ items: ItemSummary[] }>(
      await asSecond('GET', `/api/runs/${runId}/qc/items`),
    );
    const flagItem = mine.items.find((i) => i.kind === 'flag');
    if (flagItem === undefined) throw new Error('no flag item');
    const detailResponse = await asSecond('GET', `/api/qc-items/${flagItem.id}`);
    expect(detailResponse.status).toBe(200);
    const detailText = await detailResponse.text();
    const detail = JSON.parse(detailText) as { flag: FlagView; decision: unknown };
    expect(detail.decision).toBeNull();
    expect(detailText).not.toMatch(/first \d/);

    const flag = await json<{ decisions: unknown[]; blind: boolean }>(
      await asSecond('GET', `/api/flags/${detail.flag.id}`),
    );
    expect(flag).toMatchObject({ decisions: [], blind: true });
    const states = await json<{ items: { flagId: string }[] }>(
      await asSecond('GET', `/api/runs/${runId}/decisions`),
    );
    expect(states.items.map((s) => s.flagId)).not.toContain(detail.flag.id);
    // The first reviewer still sees their own decisions.
    const theirs = await json<{ items: { flagId: string }[] }>(
      await h.request('GET', `/api/runs/${runId}/decisions`, {
        as: 'reviewer',
        justification: WHY,
      }),
    );
    expect(theirs.items.map((s) => s.flagId)).toContain(detail.flag.id);
    // Deciding it in the ordinary queue is refused: it is decided, and measured, blind.
    const direct = await asSecond('POST', `/api/flags/${detail.flag.id}/decisions`, {
      outcome: 'relevant',
      reason: 'peeking',
    });
    expect(direct.status).toBe(409);
    // Nobody else reads or decides the item.
    const other = await h.request('GET', `/api/qc-items/${flagItem.id}`, {
      as: 'reviewer',
      justification: WHY,
    });
    expect(other.status).toBe(403);
  });

  it('gives agreement and the overturn rate with Wilson intervals', async () => {
    const mine = await json<{ items: ItemSummary[] }>(
      await asSecond('GET', `/api/runs/${runId}/qc/items`),
    );
    // The second reviewer says "relevant" to every flag: that overturns the one "not relevant"
    // and leaves "needs second review" out of the overturn rate. Of the unflagged messages, the
    // first one given is found relevant: a miss of the model's.
    const firstMessageItem = mine.items.find((i) => i.kind === 'message');
    // The seeded draw gives this reviewer unflagged messages too, so a miss is really recorded.
    expect(firstMessageItem).toBeDefined();
    for (const item of mine.items) {
      const outcome =
        item.kind === 'flag' || item === firstMessageItem ? 'relevant' : 'not_relevant';
      const decided = await asSecond('POST', `/api/qc-items/${item.id}/decisions`, {
        outcome,
        reason: 'second look',
      });
      expect(decided.status).toBe(201);
    }
    const summary = await json<{
      progress: { items: number; decided: number };
      stats: {
        method: string;
        flags: {
          reviewed: number;
          agreement: { count: number; total: number; low: number; high: number };
          overturn: { count: number; total: number; rate: number; low: number; high: number };
        };
        unflagged: { reviewed: number; missed: { count: number } };
      };
    }>(await h.request('GET', `/api/runs/${runId}/qc`, { as: 'auditor' }));
    expect(summary.stats.method).toBe('wilson-95');
    // First outcomes: relevant, not_relevant, relevant, relevant, needs_second_review.
    expect(summary.stats.flags.reviewed).toBe(5);
    expect(summary.stats.flags.agreement).toMatchObject({ count: 3, total: 5 });
    expect(summary.stats.flags.overturn).toMatchObject({ count: 1, total: 4, rate: 0.25 });
    expect(summary.stats.flags.overturn.low).toBeCloseTo(0.0456, 3);
    expect(summary.stats.flags.overturn.high).toBeCloseTo(0.6994, 3);
    expect(summary.stats.unflagged.missed.count).toBe(1);

    const events = await json<{ items: AuditEvent[] }>(
      await h.request('GET', `/api/audit/events?caseId=${caseId}&limit=1000`, { as: 'auditor' }),
    );
    const reads = events.items.filter((e) => e.action === 'qc.item.read');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.justification === WHY)).toBe(true);
    const decided = events.items.filter((e) => e.action === 'qc.decision.recorded');
    expect(decided.every((e) => e.justification === 'second look')).toBe(true);
  });

  it('puts the second review in the case report, apart from the first decisions', async () => {
    const response = await h.request('GET', `/api/cases/${caseId}/report`, {
      as: 'investigator',
      justification: WHY,
    });
    expect(response.status).toBe(200);
    const report = await json<{
      runs: {
        id: string;
        secondReview: { flags: { reviewed: number; overturn: { count: number } } } | null;
      }[];
      reviewedFlags: {
        runId: string;
        human: { outcome: string; reason: string }[];
        secondReview: { outcome: string; reason: string; decidedBy: string }[];
      }[];
      unflaggedFoundRelevant: {
        runId: string;
        message: { id: string; text: string };
        secondReview: { outcome: string }[];
      }[];
    }>(response);
    const run = report.runs.find((r) => r.id === runId);
    expect(run?.secondReview?.flags).toMatchObject({ reviewed: 5, overturn: { count: 1 } });
    const ofRun = report.reviewedFlags.filter((f) => f.runId === runId);
    expect(ofRun).toHaveLength(5);
    for (const flag of ofRun) {
      expect(flag.human[0]?.reason).toMatch(/^first \d$/);
      expect(flag.secondReview).toEqual([
        expect.objectContaining({
          outcome: 'relevant',
          reason: 'second look',
          decidedBy: second.id,
        }),
      ]);
    }
    const mine = await json<{ items: ItemSummary[] }>(
      await asSecond('GET', `/api/runs/${runId}/qc/items`),
    );
    const messageItems = mine.items.filter((i) => i.kind === 'message');
    expect(messageItems.length).toBeGreaterThan(0);
    expect(report.unflaggedFoundRelevant).toHaveLength(1);
    for (const found of report.unflaggedFoundRelevant) {
      expect(found).toMatchObject({ runId, secondReview: [{ outcome: 'relevant' }] });
    }

    const html = await h.request('GET', `/api/cases/${caseId}/report?format=html`, {
      as: 'investigator',
      justification: WHY,
    });
    const page = await html.text();
    expect(page).toContain('Blind second review (made without seeing the decisions above)');
    expect(page).toContain('overturned 1 of 4');
    expect(page).toContain(
      `Unflagged messages a second reviewer found relevant (${report.unflaggedFoundRelevant.length})`,
    );
  });

  it('refuses a sample of an unfinished run and reviewers who are not case reviewers', async () => {
    const bad = await h.request('POST', `/api/runs/${runId}/qc/samples`, {
      json: { flagShare: 0.1, unflaggedCount: 1, reviewerIds: [h.users.auditor.id] },
    });
    expect(bad.status).toBe(400);
    const run = await json<{ exportId: string }>(
      await h.request('GET', `/api/runs/${runId}`, { as: 'reviewer' }),
    );
    const held: (() => void)[] = [];
    h.catalog.gate.wait = () => new Promise<void>((resolve) => held.push(resolve));
    const started = await json<{ id: string }>(
      await h.request('POST', `/api/exports/${run.exportId}/runs`, { json: {} }),
    );
    const early = await h.request('POST', `/api/runs/${started.id}/qc/samples`, {
      json: { flagShare: 0.1, unflaggedCount: 1, reviewerIds: [second.id] },
    });
    expect(early.status).toBe(409);
    h.catalog.gate.wait = async () => {};
    for (const release of held) release();
    await h.service.deps.queue.drain();
  });
});
