import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  csvExport,
  type Harness,
  json,
  makeHarness,
  openCase,
  SAMPLE_ROWS,
  uploadForm,
  uploadSample,
} from './support/harness.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  field?: string;
  location?: { file: string; byteOffset: number; line: number | null };
}

async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = await json<Problem>(response);
  expect(body).toMatchObject({ status, code, type: `/problems/${code}` });
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  return body;
}

/** Nothing of a refused upload may remain: no export row, no message, no staged or kept bytes. */
async function expectNothingStored(h: Harness, caseId: string): Promise<void> {
  const exports = await json<{ items: unknown[] }>(
    await h.request('GET', `/api/cases/${caseId}/exports`),
  );
  expect(exports.items).toEqual([]);
  const importing = await h.service.deps.store.read((tx) => tx.exports.listImporting());
  expect(importing).toEqual([]);
  const blobs = join(h.dir, 'data', 'blobs');
  const left = (await readdir(blobs).catch(() => [] as string[])).filter((name) => name !== 'tmp');
  expect(left).toEqual([]);
  expect(await readdir(join(blobs, 'tmp')).catch(() => [])).toEqual([]);
}

function multipartBody(
  parts: string[],
  boundary = 'XBOUNDARYX',
): { body: string; contentType: string } {
  return {
    body: parts.map((p) => `--${boundary}\r\n${p}\r\n`).join(''),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('bad requests: a 4xx problem, nothing stored half-way', () => {
  let h: Harness;
  let caseId: string;
  beforeEach(async () => {
    h = await makeHarness({ CHATSCREEN_MAX_UPLOAD_BYTES: '2000' });
    caseId = await openCase(h);
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses requests without a valid token', async () => {
    await expectProblem(await h.request('GET', '/api/cases', { as: null }), 401, 'unauthenticated');
    await expectProblem(
      await h.request('GET', '/api/cases', { token: 'cs_not-a-real-token' }),
      401,
      'unauthenticated',
    );
    await expectProblem(
      await h.request('GET', '/api/cases', { token: 'Basic abc' }),
      401,
      'unauthenticated',
    );
  });

  it('refuses malformed JSON', async () => {
    const response = await h.request('POST', '/api/cases', {
      body: '{"reference": ',
      headers: { 'content-type': 'application/json' },
    });
    await expectProblem(response, 400, 'validation_failed');
    expect((await h.request('GET', '/api/cases')).status).toBe(200);
    const cases = await json<{ items: unknown[] }>(await h.request('GET', '/api/cases'));
    expect(cases.items).toHaveLength(1);
  });

  it('refuses wrong types and names the field', async () => {
    const problem = await expectProblem(
      await h.request('POST', '/api/cases', {
        json: { reference: 42, legalBasis: 'x', authorisedBy: 'y', expiresAt: 'tomorrow' },
      }),
      400,
      'validation_failed',
    );
    expect(problem.detail).toContain('reference');
    expect(problem.detail).toContain('expiresAt');
    expect(problem.field).toBe('reference');
    await expectProblem(
      await h.request('POST', `/api/cases/${caseId}/members`, {
        json: { userId: h.users.reviewer.id, role: 'overlord' },
      }),
      400,
      'validation_failed',
    );
  });

  it('refuses an expiry in the past and an inverted date scope', async () => {
    const base = { reference: 'R', legalBasis: 'L', authorisedBy: 'A' };
    await expectProblem(
      await h.request('POST', '/api/cases', {
        json: { ...base, expiresAt: '2001-01-01T00:00:00Z' },
      }),
      400,
      'validation_failed',
    );
    await expectProblem(
      await h.request('POST', '/api/cases', {
        json: {
          ...base,
          expiresAt: '2099-01-01T00:00:00Z',
          scope: { from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' },
        },
      }),
      400,
      'validation_failed',
    );
  });

  it('answers unknown ids and routes with not_found', async () => {
    for (const path of [
      '/api/cases/c_nope',
      '/api/runs/r_nope',
      '/api/exports/x_nope',
      '/api/replays/rp_nope',
    ]) {
      await expectProblem(await h.request('GET', path, { as: 'investigator' }), 404, 'not_found');
    }
    await expectProblem(
      await h.request('GET', '/api/flags/f_nope', { as: 'reviewer', justification: 'checking' }),
      404,
      'not_found',
    );
    await expectProblem(
      await h.request('POST', '/api/exports/x_nope/runs', { json: {} }),
      404,
      'not_found',
    );
    await expectProblem(await h.request('GET', '/api/nothing-here'), 404, 'not_found');
  });

  it('requires a justification for content reads', async () => {
    const exp = await uploadSample(h, caseId);
    const run = await h.request('POST', `/api/exports/${exp.id}/runs`, { json: {} });
    const { id } = await json<{ id: string }>(run);
    await h.service.deps.queue.drain();
    await expectProblem(
      await h.request('GET', `/api/runs/${id}/flags`, { as: 'reviewer' }),
      400,
      'justification_required',
    );
    await expectProblem(
      await h.request('GET', `/api/runs/${id}/events`, { as: 'reviewer' }),
      400,
      'justification_required',
    );
    await expectProblem(
      await h.request('GET', `/api/cases/${caseId}/report`, { as: 'investigator' }),
      400,
      'justification_required',
    );
    await expectProblem(
      await h.request('GET', `/api/runs/${id}/flags`, { as: 'reviewer', justification: 'x' }),
      400,
      'validation_failed',
    );
    const ok = await h.request(
      'GET',
      `/api/runs/${id}/flags?justification=${encodeURIComponent('Review för OP-1')}`,
      { as: 'reviewer' },
    );
    expect(ok.status).toBe(200);
    const events = await json<{ items: { justification: string }[] }>(
      await h.request('GET', '/api/audit/events?action=flags.listed', { as: 'auditor' }),
    );
    expect(events.items.map((e) => e.justification)).toEqual(['Review för OP-1']);
  });

  it('refuses an upload over the size limit with 413 and keeps nothing', async () => {
    const big = csvExport(
      Array.from({ length: 100 }, () => ({
        text: 'a fairly long line of text to fill the upload',
      })),
    );
    expect(big.length).toBeGreaterThan(2000);
    await expectProblem(
      await h.request('POST', `/api/cases/${caseId}/exports`, { body: uploadForm(big) }),
      413,
      'payload_too_large',
    );
    await expectNothingStored(h, caseId);
  });

  it('refuses an over-size upload that hides its size (chunked, no Content-Length)', async () => {
    const big = new TextEncoder().encode(
      csvExport(
        Array.from({ length: 100 }, () => ({ text: 'another long line of text for the body' })),
      ),
    );
    const encoded = new Response(uploadForm(big));
    const contentType = encoded.headers.get('content-type') ?? '';
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 256) controller.enqueue(bytes.slice(i, i + 256));
        controller.close();
      },
    });
    const response = await h.service.app.request(`/api/cases/${caseId}/exports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.users.investigator.token}`,
        'content-type': contentType,
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(response, 413, 'payload_too_large');
    await expectNothingStored(h, caseId);
  });

  it('refuses a truncated upload and keeps nothing', async () => {
    const { body, contentType } = multipartBody([
      'Content-Disposition: form-data; name="file"; filename="chat.csv"\r\nContent-Type: text/csv\r\n\r\nid,text\r\n1,hello',
    ]);
    // The closing boundary never arrives.
    const response = await h.request('POST', `/api/cases/${caseId}/exports`, {
      body,
      headers: { 'content-type': contentType },
    });
    await expectProblem(response, 400, 'upload_incomplete');
    await expectNothingStored(h, caseId);
  });

  it('refuses a form without a file, with two files, or with bad fields', async () => {
    const form = new FormData();
    form.append('tz', 'Europe/London');
    await expectProblem(
      await h.request('POST', `/api/cases/${caseId}/exports`, { body: form }),
      400,
      'validation_failed',
    );
    const two = uploadForm('id,text\n1,a\n');
    two.append('file', new Blob(['id,text\n1,b\n']), 'b.csv');
    await expectProblem(
      await h.request('POST', `/api/cases/${caseId}/exports`, { body: two }),
      400,
      'validation_failed',
    );
    const badOrder = uploadForm(csvExport(SAMPLE_ROWS), 'chat.csv', { dateOrder: 'dym' });
    const problem = await expectProblem(
      await h.request('POST', `/api/cases/${caseId}/exports`, { body: badOrder }),
      400,
      'validation_failed',
    );
    expect(problem.field).toBe('dateOrder');
    await expectNothingStored(h, caseId);
  });

  it('refuses a non-multipart upload with 415', async () => {
    await expectProblem(
      await h.request('POST', `/api/cases/${caseId}/exports`, { json: { file: 'x' } }),
      415,
      'unsupported_media_type',
    );
  });

  it('reports an unreadable export with 422 and the importer location, and keeps nothing', async () => {
    const broken =
      '{"name": "Secret group", "type": "personal_chat", "messages": [ {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "text": "hi"';
    const response = await h.request('POST', `/api/cases/${caseId}/exports`, {
      body: uploadForm(broken, 'result.json'),
    });
    expect(response.status).toBe(422);
    const problem = await json<Problem>(response);
    expect(problem.code).toBe('truncated_input');
    expect(problem.location).toMatchObject({ file: '', line: 1 });
    expect(problem.location?.byteOffset).toBeGreaterThan(0);
    expect(problem.detail).not.toContain('Secret group');
    await expectNothingStored(h, caseId);
  });

  it('refuses a file that is no known format with 422', async () => {
    const response = await h.request('POST', `/api/cases/${caseId}/exports`, {
      body: uploadForm('just some notes\n', 'notes.txt'),
    });
    expect(response.status).toBe(422);
    await expectNothingStored(h, caseId);
  });

  it('refuses the same bytes twice in one case', async () => {
    await uploadSample(h, caseId);
    const again = await h.request('POST', `/api/cases/${caseId}/exports`, {
      body: uploadForm(csvExport(SAMPLE_ROWS)),
    });
    await expectProblem(again, 409, 'conflict');
    const exports = await json<{ items: unknown[] }>(
      await h.request('GET', `/api/cases/${caseId}/exports`),
    );
    expect(exports.items).toHaveLength(1);
  });

  it('refuses uploads, runs and reads once the case is closed', async () => {
    const exp = await uploadSample(h, caseId);
    const run = await json<{ id: string }>(
      await h.request('POST', `/api/exports/${exp.id}/runs`, { json: {} }),
    );
    await h.service.deps.queue.drain();
    expect((await h.request('POST', `/api/cases/${caseId}/close`)).status).toBe(200);
    await expectProblem(
      await h.request('POST', `/api/cases/${caseId}/exports`, {
        body: uploadForm('id,text\n1,a\n'),
      }),
      409,
      'case_not_open',
    );
    await expectProblem(
      await h.request('POST', `/api/exports/${exp.id}/runs`, { json: {} }),
      409,
      'case_not_open',
    );
    await expectProblem(
      await h.request('GET', `/api/runs/${run.id}/flags`, {
        as: 'reviewer',
        justification: 'checking',
      }),
      409,
      'case_not_open',
    );
    // Status without content stays readable, for the record.
    expect((await h.request('GET', `/api/runs/${run.id}`, { as: 'auditor' })).status).toBe(200);
  });

  it('refuses everything once the authorisation has expired', async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    const shortCase = await openCase(h, { reference: 'SHORT', expiresAt: soon });
    const exp = await uploadSample(h, shortCase);
    const realNow = h.service.deps.now;
    h.service.deps.now = () => new Date(Date.now() + 120_000);
    try {
      await expectProblem(
        await h.request('POST', `/api/exports/${exp.id}/runs`, { json: {} }),
        409,
        'case_not_open',
      );
    } finally {
      h.service.deps.now = realNow;
    }
  });

  it('refuses a model that is not installed', async () => {
    const exp = await uploadSample(h, caseId);
    await expectProblem(
      await h.request('POST', `/api/exports/${exp.id}/runs`, { json: { modelId: 'nope' } }),
      404,
      'model_not_found',
    );
  });
});
