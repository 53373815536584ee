import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deferred } from './contract/builders.js';
import {
  type Harness,
  json,
  makeHarness,
  openCase,
  runToDone,
  uploadSample,
} from './support/harness.js';
import { SseReader } from './support/sse.js';

const WHY = 'Following the run as it screens';

async function follow(h: Harness, runId: string, lastEventId?: string): Promise<SseReader> {
  const headers: Record<string, string> = {};
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const response = await h.request('GET', `/api/runs/${runId}/events`, {
    as: 'reviewer',
    justification: WHY,
    headers,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  if (response.body === null) throw new Error('no body');
  return new SseReader(response.body);
}

describe('run events over Server-Sent Events', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('sends every flag with its seq as id, then progress, then done', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const runId = await runToDone(h, exp.id);
    const events = await (await follow(h, runId)).until('done');
    expect(events.map((e) => [e.event, e.id])).toEqual([
      ['flag', '1'],
      ['flag', '2'],
      ['flag', '3'],
      ['progress', '3'],
      ['done', '3'],
    ]);
    const flag = JSON.parse(events[0]?.data ?? '{}') as {
      text: string;
      category: string;
      model: { id: string };
    };
    expect(flag).toMatchObject({ text: 'idiot', category: 'insult', model: { id: 'lexicon-a' } });
    expect(JSON.parse(events[4]?.data ?? '{}')).toMatchObject({
      status: 'done',
      counts: { flags: 3 },
    });
  });

  it('resumes after Last-Event-ID without repeating or skipping a flag', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const runId = await runToDone(h, exp.id);
    const events = await (await follow(h, runId, '1')).until('done');
    expect(events.filter((e) => e.event === 'flag').map((e) => e.id)).toEqual(['2', '3']);
    const none = await (await follow(h, runId, '3')).until('done');
    expect(none.map((e) => e.event)).toEqual(['progress', 'done']);
  });

  it('streams flags while the run is still screening', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const gate = deferred();
    h.catalog.gate.wait = () => gate.promise;
    const started = await json<{ id: string }>(
      await h.request('POST', `/api/exports/${exp.id}/runs`, { json: {} }),
    );
    const reader = await follow(h, started.id);
    const first = await reader.next();
    expect(first?.event).toBe('progress');
    expect(JSON.parse(first?.data ?? '{}')).toMatchObject({ counts: { flags: 0 } });
    gate.resolve();
    const rest = await reader.until('done');
    const flags = rest.filter((e) => e.event === 'flag').map((e) => Number(e.id));
    expect(flags).toEqual([1, 2, 3]);
    expect(rest.filter((e) => e.event === 'progress').length).toBeGreaterThanOrEqual(1);
    expect(rest.at(-1)?.event).toBe('done');
  });

  it('refuses a bad Last-Event-ID before streaming', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const runId = await runToDone(h, exp.id);
    const response = await h.request('GET', `/api/runs/${runId}/events`, {
      as: 'reviewer',
      justification: WHY,
      headers: { 'last-event-id': 'abc' },
    });
    expect(response.status).toBe(400);
  });

  it('ends a live stream with an error event when the case is closed', async () => {
    const caseId = await openCase(h);
    const exp = await uploadSample(h, caseId);
    const gate = deferred();
    h.catalog.gate.wait = () => gate.promise;
    const started = await json<{ id: string }>(
      await h.request('POST', `/api/exports/${exp.id}/runs`, { json: {} }),
    );
    const reader = await follow(h, started.id);
    expect((await reader.next())?.event).toBe('progress');
    expect((await h.request('POST', `/api/cases/${caseId}/close`)).status).toBe(200);
    const rest = await reader.until('error');
    expect(rest.at(-1)?.event).toBe('error');
    expect(JSON.parse(rest.at(-1)?.data ?? '{}')).toMatchObject({ code: 'case_not_open' });
    // The batch screened meanwhile is dropped and the run fails: nothing is kept after closure.
    gate.resolve();
    await h.service.deps.queue.drain();
    const run = await json<{ status: string; error: string; counts: { flags: number } }>(
      await h.request('GET', `/api/runs/${started.id}`, { as: 'auditor' }),
    );
    expect(run).toMatchObject({ status: 'failed', error: 'case_not_open', counts: { flags: 0 } });
  });
});
