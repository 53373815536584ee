import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlagView, MessageView } from '../../src/review/index.js';
import {
  csvExport,
  type Harness,
  json,
  makeHarness,
  openCase,
  runToDone,
  SAMPLE_ROWS,
  uploadForm,
  uploadSample,
} from './support/harness.js';

const WHY = 'Reviewing flagged messages for case OP-TEST-1';

interface RunBody {
  status: string;
  model: { id: string; sha256: string };
  progress: { batchesDone: number; batchCount: number; fraction: number };
  counts: {
    messages: number;
    inScope: number;
    outOfScope: number;
    screened: number;
    flags: number;
  };
}

describe('the service API, in process', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers health and OpenAPI without a token', async () => {
    const health = await h.request('GET', '/api/health', { as: null });
    expect(await health.json()).toEqual({ ok: true, store: 'sqlite' });
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(
      await h.request('GET', '/openapi.json', { as: null }),
    );
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{caseId}/exports',
        '/api/runs/{runId}/events',
        '/api/flags/{flagId}/decisions',
      ]),
    );
  });

  it('says who the token belongs to', async () => {
    const me = await json<{ id: string; role: string }>(
      await h.request('GET', '/api/me', { as: 'reviewer' }),
    );
    expect(me).toMatchObject({ id: h.users.reviewer.id, role: 'reviewer' });
  });

  it('creates a case, lists it only for its members, and shows its members', async () => {
    const caseId = await openCase(h);
    const mine = await json<{ items: { id: string; myRole: string; open: boolean }[] }>(
      await h.request('GET', '/api/cases', { as: 'reviewer' }),
    );
    expect(mine.items).toEqual([
      expect.objectContaining({ id: caseId, myRole: 'reviewer', open: true }),
    ]);
    const theirs = await json<{ items: unknown[] }>(
      await h.request('GET', '/api/cases', { as: 'outsider' }),
    );
    expect(theirs.items).toEqual([]);
    const detail = await json<{ members: { userId: string; role: string }[] }>(
      await h.request('GET', `/api/cases/${caseId}`),
    );
    expect(detail.members.map((m) => m.role).sort()).toEqual([
      'auditor',
      'investigator',
      'reviewer',
    ]);
  });

  it('goes from upload to run to flags to a decision to the report', async () => {
    const caseId = await openCase(h);
    const uploaded = await h.request('POST', `/api/cases/${caseId}/exports`, {
      body: uploadForm(csvExport(SAMPLE_ROWS), 'chat.csv', { tz: 'Europe/London' }),
    });
    expect(uploaded.status).toBe(201);
    const exp = await json<{
      id: string;
      sha256: string;
      format: string;
      messageCount: number;
      report: { messageCount: number };
    }>(uploaded);
    expect(exp).toMatchObject({ format: 'csv', messageCount: 7 });
    expect(exp.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(exp.report.messageCount).toBe(7);

    const runId = await runToDone(h, exp.id);
    const run = await json<RunBody>(
      await h.request('GET', `/api/runs/${runId}`, { as: 'auditor' }),
    );
    expect(run).toMatchObject({
      status: 'done',
      model: { id: 'lexicon-a', sha256: 'a'.repeat(64) },
      progress: { batchesDone: 3, batchCount: 3, fraction: 1 },
      counts: { messages: 7, inScope: 7, outOfScope: 0, screened: 7, flags: 3 },
    });

    const page = await json<{ items: FlagView[]; nextAfterSeq: number | null }>(
      await h.request('GET', `/api/runs/${runId}/flags?limit=2`, {
        as: 'reviewer',
        justification: WHY,
      }),
    );
    expect(page.items.map((f) => [f.text, f.category])).toEqual([
      ['idiot', 'insult'],
      ['vermin', 'race'],
    ]);
    expect(page.nextAfterSeq).toBe(2);
    const rest = await json<{ items: FlagView[]; nextAfterSeq: number | null }>(
      await h.request('GET', `/api/runs/${runId}/flags?afterSeq=2`, {
        as: 'reviewer',
        justification: WHY,
      }),
    );
    expect(rest.items.map((f) => f.text)).toEqual(['scum']);
    expect(rest.nextAfterSeq).toBeNull();

    const flag = page.items[0];
    if (flag === undefined) throw new Error('no flag');
    const detail = await json<{
      flag: FlagView;
      message: MessageView;
      before: MessageView[];
      after: MessageView[];
    }>(
      await h.request('GET', `/api/flags/${flag.id}?context=1`, {
        as: 'reviewer',
        justification: WHY,
      }),
    );
    expect(detail.message.text.slice(detail.flag.start, detail.flag.end)).toBe('idiot');
    expect(detail.message.sender).toEqual({ ordinal: 1, label: 'Participant 1' });
    expect(detail.before.map((m) => m.text)).toEqual(['Shift starts at eight']);
    expect(detail.after.map((m) => m.text)).toEqual(['ok']);
    expect(JSON.stringify(detail)).not.toContain('Ana Example');

    const decided = await h.request('POST', `/api/flags/${flag.id}/decisions`, {
      as: 'reviewer',
      json: { outcome: 'relevant', reason: 'Derogatory remark about a member of the public' },
    });
    expect(decided.status).toBe(201);
    expect(await decided.json()).toMatchObject({
      outcome: 'relevant',
      decidedBy: h.users.reviewer.id,
    });

    const report = await json<{
      exports: { sha256: string }[];
      reviewedFlags: {
        machine: { category: string; score: number; text: string };
        human: { outcome: string; reason: string }[];
        message: { text: string };
      }[];
    }>(
      await h.request('GET', `/api/cases/${caseId}/report`, {
        as: 'investigator',
        justification: 'Disclosure to CPS',
      }),
    );
    expect(report.exports[0]?.sha256).toBe(exp.sha256);
    expect(report.reviewedFlags).toHaveLength(1);
    expect(report.reviewedFlags[0]).toMatchObject({
      machine: { category: 'insult', score: 0.91, text: 'idiot' },
      human: [{ outcome: 'relevant', reason: 'Derogatory remark about a member of the public' }],
      message: { text: 'That man is an idiot 👩‍👩‍👧' },
    });
    expect(JSON.stringify(report)).not.toMatch(/perPerson|bySender/);

    const html = await h.request('GET', `/api/cases/${caseId}/report?format=html`, {
      as: 'auditor',
      justification: 'Oversight check',
    });
    expect(html.headers.get('content-type')).toContain('text/html');
    const page2 = await html.text();
    expect(page2).toContain('<mark>idiot</mark>');
    expect(page2).toContain('Machine output (not a finding)');
    expect(page2).toContain('Human decisions');
    expect(page2).not.toContain('<script');
  });

  it('keeps offsets in UTF-16 code units through emoji, ZWJ sequences, RTL marks and combining characters', async () => {
    const caseId = await openCase(h);
    const text = '👩‍👩‍👧 e\u0301 \u200fمرحبا idiot ✊🏽 scum';
    const exp = await uploadSample(h, caseId, [{ text }]);
    const runId = await runToDone(h, exp.id);
    const flags = await json<{ items: FlagView[] }>(
      await h.request('GET', `/api/runs/${runId}/flags`, { as: 'reviewer', justification: WHY }),
    );
    expect(flags.items.map((f) => [f.text, f.start, f.end])).toEqual([
      ['idiot', text.indexOf('idiot'), text.indexOf('idiot') + 5],
      ['scum', text.indexOf('scum'), text.indexOf('scum') + 4],
    ]);
    const detail = await json<{ message: MessageView }>(
      await h.request('GET', `/api/flags/${flags.items[0]?.id}`, {
        as: 'reviewer',
        justification: WHY,
      }),
    );
    expect(detail.message.text).toBe(text);
  });

  it('escapes message text in the HTML report', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId, [{ text: '<script>alert(1)</script> idiot' }]);
    const runId = await runToDone(h, exp.id);
    const flags = await json<{ items: FlagView[] }>(
      await h.request('GET', `/api/runs/${runId}/flags`, { as: 'reviewer', justification: WHY }),
    );
    await h.request('POST', `/api/flags/${flags.items[0]?.id}/decisions`, {
      as: 'reviewer',
      json: { outcome: 'not_relevant', reason: '<b>quoted</b>' },
    });
    const html = await (
      await h.request('GET', `/api/cases/${caseId}/report?format=html`, { justification: WHY })
    ).text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;quoted&lt;/b&gt;');
  });

  it('unmasks a participant for a reason, and records it', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const unmasked = await h.request('POST', `/api/exports/${exp.id}/participants/2/unmask`, {
      as: 'reviewer',
      json: { reason: 'Need to identify the author for interview' },
    });
    expect(await unmasked.json()).toMatchObject({
      ordinal: 2,
      label: 'Participant 2',
      name: 'Ben Sample',
    });
    const events = await json<{
      items: { action: string; justification: string; details: Record<string, unknown> }[];
    }>(await h.request('GET', '/api/audit/events?action=participant.unmasked', { as: 'auditor' }));
    expect(events.items).toEqual([
      expect.objectContaining({
        justification: 'Need to identify the author for interview',
        details: { ordinal: 2 },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain('Ben Sample');
  });

  it('replays a run identically and compares it with another model version', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const runId = await runToDone(h, exp.id);

    const replay = await h.request('POST', `/api/runs/${runId}/replay`, { as: 'auditor' });
    expect(replay.status).toBe(202);
    const { id } = await json<{ id: string }>(replay);
    await h.service.deps.queue.drain();
    const result = await json<{
      status: string;
      result: { identical: boolean; unchanged: number };
    }>(await h.request('GET', `/api/replays/${id}`, { as: 'auditor' }));
    expect(result).toMatchObject({ status: 'done', result: { identical: true, unchanged: 3 } });

    const compare = await h.request('POST', `/api/runs/${runId}/compare`, {
      as: 'auditor',
      json: { modelId: 'lexicon-b' },
    });
    const cmp = await json<{ id: string }>(compare);
    await h.service.deps.queue.drain();
    const diff = await json<{
      result: { identical: boolean; counts: { changed: number }; changed: unknown[] };
    }>(await h.request('GET', `/api/replays/${cmp.id}`, { as: 'auditor' }));
    expect(diff.result).toMatchObject({ identical: false, counts: { changed: 3 } });
    expect(JSON.stringify(diff)).not.toContain('idiot');
  });

  it('refuses a replay when the recorded package is gone or altered', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const runId = await runToDone(h, exp.id);
    h.catalog.replace('lexicon-a', 'c'.repeat(64));
    const refused = await h.request('POST', `/api/runs/${runId}/replay`, { as: 'auditor' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'model_package_changed' });
  });

  it('lists installed models with ids, hashes and cards', async () => {
    const models = await json<{ items: { id: string; sha256: string; card: string }[] }>(
      await h.request('GET', '/api/models', { as: 'auditor' }),
    );
    expect(models.items.map((m) => m.id)).toEqual(['lexicon-a', 'lexicon-b']);
    expect(models.items[0]?.card).toBe('# lexicon-a');
  });

  it('records every step in a verifiable audit chain', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const runId = await runToDone(h, exp.id);
    const flags = await json<{ items: FlagView[] }>(
      await h.request('GET', `/api/runs/${runId}/flags`, { as: 'reviewer', justification: WHY }),
    );
    await h.request('GET', `/api/flags/${flags.items[0]?.id}`, {
      as: 'reviewer',
      justification: WHY,
    });
    await h.request('POST', `/api/flags/${flags.items[0]?.id}/decisions`, {
      as: 'reviewer',
      json: { outcome: 'needs_second_review', reason: 'unsure' },
    });
    const events = await json<{
      items: {
        action: string;
        actor: { id: string | null };
        caseId: string | null;
        justification: string | null;
      }[];
    }>(await h.request('GET', '/api/audit/events?limit=1000', { as: 'auditor' }));
    const actions = events.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.created',
        'case.created',
        'member.added',
        'export.uploaded',
        'run.started',
        'run.completed',
        'flags.listed',
        'flag.read',
        'decision.recorded',
      ]),
    );
    const read = events.items.find((e) => e.action === 'flag.read');
    expect(read).toMatchObject({ actor: { id: h.users.reviewer.id }, caseId, justification: WHY });
    const verify = await json<{ ok: boolean; events: number; headSeq: number; headHash: string }>(
      await h.request('GET', '/api/audit/verify', { as: 'auditor' }),
    );
    expect(verify.ok).toBe(true);
    expect(verify.events).toBeGreaterThan(10);
    // Anchors written down earlier: the head just read holds; a wrong hash at event 1 does not.
    const anchored = await h.request(
      'GET',
      `/api/audit/verify?anchors=${verify.headSeq}:${verify.headHash}`,
      { as: 'auditor' },
    );
    expect(await json(anchored)).toMatchObject({ ok: true });
    const wrong = await h.request('GET', `/api/audit/verify?anchors=1:${'0'.repeat(64)}`, {
      as: 'auditor',
    });
    expect(await json(wrong)).toMatchObject({
      ok: false,
      firstBrokenAt: 1,
      problem: 'anchor_mismatch',
    });
    const malformed = await h.request('GET', '/api/audit/verify?anchors=seven', { as: 'auditor' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'invalid_option', field: 'anchors' });
  });
});
