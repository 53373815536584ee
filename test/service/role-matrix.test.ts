import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/access/index.js';
import type { FlagView } from '../../src/review/index.js';
import {
  csvExport,
  type Harness,
  json,
  makeHarness,
  openCase,
  runToDone,
  uploadForm,
  uploadSample,
  type Who,
} from './support/harness.js';

/**
 * Walks every route of the OpenAPI document with every kind of caller and asserts the whole
 * access matrix at once. A route added without a row here fails the test.
 */
type Caller = Who | 'anonymous';
const CALLERS: Caller[] = [
  'anonymous',
  'admin',
  'investigator',
  'reviewer',
  'auditor',
  'outsider',
  'outsiderReviewer',
  'outsiderAuditor',
];

interface Fixture {
  caseId: string;
  closableCaseId: string;
  exportId: string;
  runId: string;
  flagId: string;
  replayId: string;
  qcItemId: string;
}

interface RouteCase {
  /** Allowed callers and the success status they get; everyone else's status is derived. */
  allowed: Partial<Record<Caller, number>>;
  /** Members of the case who are not allowed get 403; non-members 404; global routes 403. */
  scope: 'public' | 'global' | 'case';
  request(f: Fixture, h: Harness, n: number): { path: string; json?: unknown; body?: FormData };
}

const MEMBERS: Caller[] = ['investigator', 'reviewer', 'auditor'];
const everyUser = (status: number): Partial<Record<Caller, number>> =>
  Object.fromEntries(CALLERS.filter((c) => c !== 'anonymous').map((c) => [c, status]));

let spare = 0;
async function spareUser(h: Harness): Promise<string> {
  spare += 1;
  const ctx = {
    store: h.service.deps.store,
    actor: { kind: 'operator' as const, userId: null, role: null, osUser: 't' },
    now: () => new Date(),
    justification: null,
  };
  return (await createUser({ ctx, input: { name: `spare ${spare}`, role: 'reviewer' } })).user.id;
}

const spareIds: string[] = [];

const ROUTES: Record<string, RouteCase> = {
  'GET /api/health': {
    scope: 'public',
    allowed: { ...everyUser(200), anonymous: 200 },
    request: () => ({ path: '/api/health' }),
  },
  'GET /api/me': { scope: 'global', allowed: everyUser(200), request: () => ({ path: '/api/me' }) },
  'GET /api/users': {
    scope: 'global',
    allowed: { admin: 200, investigator: 200, outsider: 200 },
    request: () => ({ path: '/api/users' }),
  },
  'POST /api/users': {
    scope: 'global',
    allowed: { admin: 201 },
    request: (_f, _h, n) => ({
      path: '/api/users',
      json: { name: `new user ${n}`, role: 'reviewer' },
    }),
  },
  'POST /api/users/{userId}/disable': {
    scope: 'global',
    allowed: { admin: 200 },
    request: (_f, _h, n) => ({ path: `/api/users/${spareIds[n]}/disable` }),
  },
  'POST /api/users/{userId}/token': {
    scope: 'global',
    allowed: { admin: 200 },
    request: (_f, _h, n) => ({ path: `/api/users/${spareIds[n]}/token` }),
  },
  'POST /api/cases': {
    scope: 'global',
    allowed: { investigator: 201, outsider: 201 },
    request: (_f, _h, n) => ({
      path: '/api/cases',
      json: {
        reference: `M-${n}`,
        legalBasis: 'L',
        authorisedBy: 'A',
        expiresAt: '2099-01-01T00:00:00Z',
      },
    }),
  },
  'GET /api/cases': {
    scope: 'global',
    allowed: everyUser(200),
    request: () => ({ path: '/api/cases' }),
  },
  'GET /api/cases/{caseId}': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200, auditor: 200 },
    request: (f) => ({ path: `/api/cases/${f.caseId}` }),
  },
  'POST /api/cases/{caseId}/close': {
    scope: 'case',
    allowed: { investigator: 200 },
    request: (f) => ({ path: `/api/cases/${f.closableCaseId}/close` }),
  },
  'POST /api/cases/{caseId}/members': {
    scope: 'case',
    allowed: { investigator: 201 },
    request: (f, _h, n) => ({
      path: `/api/cases/${f.caseId}/members`,
      json: { userId: spareIds[n], role: 'reviewer' },
    }),
  },
  'POST /api/cases/{caseId}/exports': {
    scope: 'case',
    allowed: { investigator: 201 },
    request: (f, _h, n) => ({
      path: `/api/cases/${f.caseId}/exports`,
      body: uploadForm(csvExport([{ text: `upload ${n}` }])),
    }),
  },
  'GET /api/cases/{caseId}/exports': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200, auditor: 200 },
    request: (f) => ({ path: `/api/cases/${f.caseId}/exports` }),
  },
  'GET /api/exports/{exportId}': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200, auditor: 200 },
    request: (f) => ({ path: `/api/exports/${f.exportId}` }),
  },
  'POST /api/exports/{exportId}/participants/{ordinal}/unmask': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200 },
    request: (f) => ({
      path: `/api/exports/${f.exportId}/participants/1/unmask`,
      json: { reason: 'identify the author' },
    }),
  },
  'POST /api/exports/{exportId}/runs': {
    scope: 'case',
    allowed: { investigator: 202 },
    request: (f) => ({ path: `/api/exports/${f.exportId}/runs`, json: {} }),
  },
  'GET /api/runs/{runId}': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200, auditor: 200 },
    request: (f) => ({ path: `/api/runs/${f.runId}` }),
  },
  'GET /api/runs/{runId}/flags': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200 },
    request: (f) => ({ path: `/api/runs/${f.runId}/flags` }),
  },
  'GET /api/runs/{runId}/events': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200 },
    request: (f) => ({ path: `/api/runs/${f.runId}/events` }),
  },
  'GET /api/flags/{flagId}': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200 },
    request: (f) => ({ path: `/api/flags/${f.flagId}` }),
  },
  'POST /api/flags/{flagId}/decisions': {
    scope: 'case',
    allowed: { reviewer: 201 },
    request: (f) => ({
      path: `/api/flags/${f.flagId}/decisions`,
      json: { outcome: 'relevant', reason: 'because' },
    }),
  },
  'GET /api/runs/{runId}/decisions': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200 },
    request: (f) => ({ path: `/api/runs/${f.runId}/decisions` }),
  },
  'POST /api/runs/{runId}/qc/samples': {
    scope: 'case',
    allowed: { investigator: 201 },
    request: (f, h) => ({
      path: `/api/runs/${f.runId}/qc/samples`,
      json: { flagShare: 0.5, unflaggedCount: 1, reviewerIds: [h.users.reviewer.id] },
    }),
  },
  'GET /api/runs/{runId}/qc': {
    scope: 'case',
    allowed: { investigator: 200, reviewer: 200, auditor: 200 },
    request: (f) => ({ path: `/api/runs/${f.runId}/qc` }),
  },
  'GET /api/runs/{runId}/qc/items': {
    scope: 'case',
    allowed: { reviewer: 200 },
    request: (f) => ({ path: `/api/runs/${f.runId}/qc/items` }),
  },
  // Only the reviewer the item is assigned to; other members of the case are refused (403).
  'GET /api/qc-items/{itemId}': {
    scope: 'case',
    allowed: { reviewer: 200 },
    request: (f) => ({ path: `/api/qc-items/${f.qcItemId}` }),
  },
  'POST /api/qc-items/{itemId}/decisions': {
    scope: 'case',
    allowed: { reviewer: 201 },
    request: (f) => ({
      path: `/api/qc-items/${f.qcItemId}/decisions`,
      json: { outcome: 'not_relevant', reason: 'ordinary chat' },
    }),
  },
  'POST /api/runs/{runId}/replay': {
    scope: 'case',
    allowed: { investigator: 202, auditor: 202 },
    request: (f) => ({ path: `/api/runs/${f.runId}/replay` }),
  },
  'POST /api/runs/{runId}/compare': {
    scope: 'case',
    allowed: { investigator: 202, auditor: 202 },
    request: (f) => ({ path: `/api/runs/${f.runId}/compare`, json: { modelId: 'lexicon-b' } }),
  },
  'GET /api/replays/{replayId}': {
    scope: 'case',
    allowed: { investigator: 200, auditor: 200 },
    request: (f) => ({ path: `/api/replays/${f.replayId}` }),
  },
  'GET /api/models': {
    scope: 'global',
    allowed: everyUser(200),
    request: () => ({ path: '/api/models' }),
  },
  'GET /api/audit/verify': {
    scope: 'global',
    allowed: { auditor: 200, outsiderAuditor: 200 },
    request: () => ({ path: '/api/audit/verify' }),
  },
  'GET /api/audit/events': {
    scope: 'global',
    allowed: { auditor: 200, outsiderAuditor: 200 },
    request: () => ({ path: '/api/audit/events' }),
  },
  'GET /api/cases/{caseId}/report': {
    scope: 'case',
    allowed: { investigator: 200, auditor: 200 },
    request: (f) => ({ path: `/api/cases/${f.caseId}/report` }),
  },
};

function expected(route: RouteCase, caller: Caller): number {
  const ok = route.allowed[caller];
  if (ok !== undefined) return ok;
  if (caller === 'anonymous') return 401;
  if (route.scope === 'case') return MEMBERS.includes(caller) ? 403 : 404;
  return 403;
}

describe('the role matrix: every route, every caller', () => {
  let h: Harness;
  let fixture: Fixture;

  beforeAll(async () => {
    h = await makeHarness();
    const caseId = await openCase(h);
    const closableCaseId = await openCase(h, { reference: 'CLOSABLE' });
    const exp = await uploadSample(h, caseId);
    const runId = await runToDone(h, exp.id);
    const flags = await json<{ items: FlagView[] }>(
      await h.request('GET', `/api/runs/${runId}/flags`, {
        as: 'reviewer',
        justification: 'setting up',
      }),
    );
    const replay = await json<{ id: string }>(
      await h.request('POST', `/api/runs/${runId}/replay`, { as: 'auditor' }),
    );
    await h.service.deps.queue.drain();
    const drawn = await h.request('POST', `/api/runs/${runId}/qc/samples`, {
      json: { flagShare: 0, unflaggedCount: 2, reviewerIds: [h.users.reviewer.id], seed: 'm' },
    });
    if (drawn.status !== 201) throw new Error(`no QC sample: ${await drawn.text()}`);
    const qcItems = await json<{ items: { id: string }[] }>(
      await h.request('GET', `/api/runs/${runId}/qc/items`, { as: 'reviewer' }),
    );
    fixture = {
      caseId,
      closableCaseId,
      exportId: exp.id,
      runId,
      flagId: flags.items[0]?.id ?? '',
      replayId: replay.id,
      qcItemId: qcItems.items[0]?.id ?? '',
    };
    for (let i = 0; i < 260; i += 1) spareIds.push(await spareUser(h));
  });
  afterAll(async () => {
    await h.service.deps.queue.drain();
    await h.close();
  });

  it('covers every documented route', async () => {
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(
      await h.request('GET', '/openapi.json', { as: null }),
    );
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('gives every caller exactly the access the roles allow', async () => {
    const actual: Record<string, Record<Caller, number>> = {};
    const wanted: Record<string, Record<Caller, number>> = {};
    let n = 0;
    for (const [name, route] of Object.entries(ROUTES)) {
      const method = name.split(' ')[0] ?? 'GET';
      actual[name] = {} as Record<Caller, number>;
      wanted[name] = {} as Record<Caller, number>;
      // Callers that should be refused go first, so that a permitted change (closing the case)
      // cannot make a refusal look right for the wrong reason.
      const order = [...CALLERS].sort(
        (a, b) => Number(route.allowed[a] !== undefined) - Number(route.allowed[b] !== undefined),
      );
      for (const caller of order) {
        n += 1;
        const spec = route.request(fixture, h, n);
        const options: Parameters<Harness['request']>[2] = {
          as: caller === 'anonymous' ? null : caller,
          justification: 'role matrix walk',
        };
        if (spec.json !== undefined) options.json = spec.json;
        if (spec.body !== undefined) options.body = spec.body;
        const response = await h.request(method, spec.path, options);
        await response.arrayBuffer();
        actual[name][caller] = response.status;
        wanted[name][caller] = expected(route, caller);
      }
    }
    expect(actual).toEqual(wanted);
  });

  it('shows an auditor only the audit events of their own cases and of no case', async () => {
    const events = await json<{ items: { caseId: string | null }[] }>(
      await h.request('GET', '/api/audit/events?limit=1000', { as: 'outsiderAuditor' }),
    );
    expect(events.items.length).toBeGreaterThan(0);
    expect(events.items.every((e) => e.caseId === null)).toBe(true);
    const mine = await json<{ items: { caseId: string | null }[] }>(
      await h.request('GET', `/api/audit/events?limit=1000&caseId=${fixture.caseId}`, {
        as: 'auditor',
      }),
    );
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.caseId === fixture.caseId)).toBe(true);
  });
});
