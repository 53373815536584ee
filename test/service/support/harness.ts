import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createUser } from '../../../src/access/index.js';
import { loadConfig } from '../../../src/config.js';
import type { Role } from '../../../src/domain/index.js';
import { createLogger, createService, type Service } from '../../../src/main.js';
import { type FakeCatalog, fakeCatalog } from './fake-catalog.js';

export type Who =
  | 'admin'
  | 'investigator'
  | 'reviewer'
  | 'auditor'
  | 'outsider'
  | 'outsiderReviewer'
  | 'outsiderAuditor';

const ROLE_OF: Record<Who, Role> = {
  admin: 'admin',
  investigator: 'investigator',
  reviewer: 'reviewer',
  auditor: 'auditor',
  outsider: 'investigator',
  outsiderReviewer: 'reviewer',
  outsiderAuditor: 'auditor',
};

export interface RequestOptions {
  as?: Who | null;
  token?: string;
  json?: unknown;
  body?: NonNullable<RequestInit['body']>;
  justification?: string;
  headers?: Record<string, string>;
}

export interface Harness {
  service: Service;
  dir: string;
  catalog: FakeCatalog;
  users: Record<Who, { id: string; token: string; name: string }>;
  /** Every log line written so far, as written. */
  logLines: string[];
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  close(): Promise<void>;
}

export async function makeHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'chatscreen-svc-'));
  const config = loadConfig({
    CHATSCREEN_DATA_DIR: join(dir, 'data'),
    CHATSCREEN_MODELS_DIR: join(dir, 'models'),
    CHATSCREEN_RUN_BATCH_SIZE: '3',
    LOG_LEVEL: 'debug',
    ...env,
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((l) => l !== ''),
      );
      callback();
    },
  });
  const catalog = fakeCatalog();
  const service = await createService(config, {
    log: createLogger(config.logLevel, sink),
    catalog,
    ssePollMs: 50,
  });
  await service.start();
  const operator = {
    store: service.deps.store,
    actor: { kind: 'operator' as const, userId: null, role: null, osUser: 'test' },
    now: () => new Date(),
    justification: null,
  };
  const users = {} as Harness['users'];
  for (const who of Object.keys(ROLE_OF) as Who[]) {
    const name = `Officer ${who}`;
    const { user, token } = await createUser({
      ctx: operator,
      input: { name, role: ROLE_OF[who] },
    });
    users[who] = { id: user.id, token, name };
  }
  return {
    service,
    dir,
    catalog,
    users,
    logLines,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const token =
        options.token ??
        (options.as === null ? undefined : users[options.as ?? 'investigator'].token);
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      if (options.justification !== undefined) headers['x-justification'] = options.justification;
      let body = options.body;
      if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        headers['content-type'] ??= 'application/json';
      }
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = body;
      return service.app.request(path, init);
    },
    async close() {
      await service.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface CsvRow {
  text: string;
  sender?: string;
  sentAt?: string;
  conversation?: string;
}

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** A generic CSV export (id,text,sender,sentAt,conversation), which the ingest pipeline reads. */
export function csvExport(rows: readonly CsvRow[]): string {
  const lines = rows.map((row, i) =>
    [
      String(i + 1),
      quote(row.text),
      quote(row.sender ?? 'Ana Example'),
      row.sentAt ?? `2024-01-01T10:${String(i % 60).padStart(2, '0')}:00Z`,
      quote(row.conversation ?? 'ops'),
    ].join(','),
  );
  return `id,text,sender,sentAt,conversation\n${lines.join('\n')}\n`;
}

export function uploadForm(
  content: string | Uint8Array,
  fileName = 'chat.csv',
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([content]), fileName);
  return form;
}

/** The conversation most tests use: two abusive messages among ordinary ones, two senders. */
export const SAMPLE_ROWS: CsvRow[] = [
  { text: 'Morning all', sender: 'Ana Example' },
  { text: 'Shift starts at eight', sender: 'Ben Sample' },
  { text: 'That man is an idiot 👩‍👩‍👧', sender: 'Ana Example' },
  { text: 'ok', sender: 'Ben Sample' },
  { text: 'They are vermin and scum', sender: 'Ben Sample' },
  { text: 'See you later', sender: 'Ana Example' },
  { text: 'Bring coffee', sender: 'Ben Sample' },
];

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** An open case with the reviewer and auditor on it; returns its id. */
export async function openCase(h: Harness, body: Record<string, unknown> = {}): Promise<string> {
  const created = await h.request('POST', '/api/cases', {
    json: {
      reference: 'OP-TEST-1',
      legalBasis: 'Law enforcement processing, DPA 2018 Part 3',
      authorisedBy: 'Supt. Example',
      expiresAt: '2099-01-01T00:00:00Z',
      ...body,
    },
  });
  if (created.status !== 201)
    throw new Error(`case not created: ${created.status} ${await created.text()}`);
  const { id } = await json<{ id: string }>(created);
  for (const [who, role] of [
    ['reviewer', 'reviewer'],
    ['auditor', 'auditor'],
  ] as const) {
    const added = await h.request('POST', `/api/cases/${id}/members`, {
      json: { userId: h.users[who].id, role },
    });
    if (added.status !== 201) throw new Error(`member not added: ${added.status}`);
  }
  return id;
}

export async function uploadSample(
  h: Harness,
  caseId: string,
  rows: readonly CsvRow[] = SAMPLE_ROWS,
): Promise<{ id: string; messageCount: number; outOfScope: number }> {
  const response = await h.request('POST', `/api/cases/${caseId}/exports`, {
    body: uploadForm(csvExport(rows)),
  });
  if (response.status !== 201)
    throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return json(response);
}

/** Starts a run and waits until the in-process queue has finished it. */
export async function runToDone(
  h: Harness,
  exportId: string,
  body: Record<string, unknown> = {},
): Promise<string> {
  const started = await h.request('POST', `/api/exports/${exportId}/runs`, { json: body });
  if (started.status !== 202)
    throw new Error(`run not started: ${started.status} ${await started.text()}`);
  const { id } = await json<{ id: string }>(started);
  await h.service.deps.queue.drain();
  return id;
}
