import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlagView } from '../../src/review/index.js';
import {
  type Harness,
  json,
  makeHarness,
  openCase,
  runToDone,
  uploadForm,
  uploadSample,
} from './support/harness.js';

/** Distinctive strings that must never reach a log line. */
const SECRET_TEXT = 'Zebrafinch idiot remark';
const SECRET_SENDER = 'Quillon Marchbanks';
const SECRET_REASON = 'Pelargonium interview planned';
const SECRET_JUSTIFICATION = 'Tamarillo line of inquiry';
const SECRET_BODY = 'Xylophonist confidential';

describe('logs carry request ids and never content, names or tokens', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('holds for a whole session, errors included', async () => {
    const caseId = await openCase(h, { scope: { participants: [SECRET_SENDER] } });
    const exp = await uploadSample(h, caseId, [
      { text: `${SECRET_TEXT} one`, sender: SECRET_SENDER },
      { text: 'plain', sender: SECRET_SENDER },
    ]);
    const runId = await runToDone(h, exp.id);
    const flags = await json<{ items: FlagView[] }>(
      await h.request('GET', `/api/runs/${runId}/flags`, {
        as: 'reviewer',
        justification: SECRET_JUSTIFICATION,
      }),
    );
    const flagId = flags.items[0]?.id ?? '';
    await h.request('GET', `/api/flags/${flagId}`, {
      as: 'reviewer',
      justification: SECRET_JUSTIFICATION,
    });
    await (
      await h.request('GET', `/api/runs/${runId}/events`, {
        as: 'reviewer',
        justification: SECRET_JUSTIFICATION,
      })
    ).text();
    await h.request('POST', `/api/flags/${flagId}/decisions`, {
      as: 'reviewer',
      json: { outcome: 'relevant', reason: SECRET_REASON },
    });
    await h.request('POST', `/api/exports/${exp.id}/participants/1/unmask`, {
      as: 'reviewer',
      json: { reason: SECRET_REASON },
    });
    await h.request(
      'GET',
      `/api/cases/${caseId}/report?format=html&justification=${encodeURIComponent(SECRET_JUSTIFICATION)}`,
    );
    // Failures: malformed JSON quoting content, an unreadable export, an unknown token.
    await h.request('POST', '/api/cases', {
      body: `{"reference": "${SECRET_BODY}"`,
      headers: { 'content-type': 'application/json' },
    });
    await h.request('POST', `/api/cases/${caseId}/exports`, {
      body: uploadForm(`{"name": "${SECRET_BODY}", "messages": [`, 'result.json'),
    });
    await h.request('GET', '/api/cases', { token: `cs_${SECRET_BODY}` });

    expect(h.logLines.length).toBeGreaterThan(10);
    const forbidden = [
      SECRET_TEXT,
      'Zebrafinch',
      SECRET_SENDER,
      'Marchbanks',
      SECRET_REASON,
      SECRET_JUSTIFICATION,
      SECRET_BODY,
      ...Object.values(h.users).flatMap((u) => [u.token, u.name]),
    ];
    const requestLines = [];
    for (const line of h.logLines) {
      const parsed = JSON.parse(line) as { requestId?: string; msg?: string; level: number };
      expect(typeof parsed.level).toBe('number');
      for (const secret of forbidden) expect(line).not.toContain(secret);
      if (parsed.msg === 'request') requestLines.push(parsed);
    }
    expect(requestLines.length).toBeGreaterThan(10);
    expect(
      requestLines.every((l) => typeof l.requestId === 'string' && l.requestId.length > 0),
    ).toBe(true);
  });
});
