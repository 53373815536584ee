import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlagView, MessageView } from '../../src/review/index.js';
import {
  type Harness,
  json,
  makeHarness,
  openCase,
  runToDone,
  SAMPLE_ROWS,
  uploadSample,
} from './support/harness.js';

const WHY = 'Reviewing flags within the authorised scope';

describe('data minimisation: only in-scope messages are screened or shown', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('screens and shows only the authorised participants, and counts the rest', async () => {
    const caseId = await openCase(h, { scope: { participants: ['Ana Example'] } });
    const exp = await uploadSample(h, caseId);
    expect(exp).toMatchObject({ messageCount: 7, outOfScope: 4 });
    const runId = await runToDone(h, exp.id);
    const run = await json<{ counts: Record<string, number> }>(
      await h.request('GET', `/api/runs/${runId}`),
    );
    expect(run.counts).toMatchObject({
      messages: 7,
      inScope: 3,
      outOfScope: 4,
      screened: 3,
      flags: 1,
    });

    const flags = await json<{ items: FlagView[] }>(
      await h.request('GET', `/api/runs/${runId}/flags`, { as: 'reviewer', justification: WHY }),
    );
    // "vermin" and "scum" were written by Ben, who is outside the authorisation.
    expect(flags.items.map((f) => f.text)).toEqual(['idiot']);

    const detail = await json<{
      before: MessageView[];
      after: MessageView[];
      message: MessageView;
    }>(
      await h.request('GET', `/api/flags/${flags.items[0]?.id}?context=10`, {
        as: 'reviewer',
        justification: WHY,
      }),
    );
    const shown = [...detail.before, detail.message, ...detail.after];
    expect(shown.map((m) => m.text)).toEqual([
      'Morning all',
      'That man is an idiot 👩‍👩‍👧',
      'See you later',
    ]);
    expect(shown.every((m) => m.sender?.label === 'Participant 1')).toBe(true);

    const outsider = await h.request('POST', `/api/exports/${exp.id}/participants/2/unmask`, {
      as: 'reviewer',
      json: { reason: 'Who is the other person?' },
    });
    expect(outsider.status).toBe(404);
  });

  it('applies the date range, inclusive at both ends', async () => {
    const caseId = await openCase(h, {
      scope: { from: '2024-01-01T10:02:00Z', to: '2024-01-01T10:04:00Z' },
    });
    const exp = await uploadSample(h, caseId);
    expect(exp.outOfScope).toBe(SAMPLE_ROWS.length - 3);
    const runId = await runToDone(h, exp.id);
    const flags = await json<{ items: FlagView[] }>(
      await h.request('GET', `/api/runs/${runId}/flags`, { as: 'reviewer', justification: WHY }),
    );
    expect(flags.items.map((f) => f.text)).toEqual(['idiot', 'vermin', 'scum']);
  });

  it('keeps out-of-scope messages stored but unreachable through the store', async () => {
    const caseId = await openCase(h, { scope: { participants: ['Nobody In Particular'] } });
    const exp = await uploadSample(h, caseId);
    expect(exp.outOfScope).toBe(7);
    const runId = await runToDone(h, exp.id);
    const run = await json<{ counts: Record<string, number>; status: string }>(
      await h.request('GET', `/api/runs/${runId}`),
    );
    expect(run).toMatchObject({ status: 'done', counts: { screened: 0, flags: 0, outOfScope: 7 } });
    const stored = await h.service.deps.store.read((tx) => tx.messages.range(exp.id, 0, 100));
    expect(stored).toEqual([]);
  });
});
