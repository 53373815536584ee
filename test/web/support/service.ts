import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_MODELS } from '../../e2e/support/models.js';
import {
  addUser,
  client,
  type ServerProcess,
  startServerProcess,
} from '../../e2e/support/processes.js';

export type Call = ReturnType<typeof client>;

export interface Person {
  id: string;
  token: string;
  call: Call;
}

export interface WebService {
  server: ServerProcess;
  url: string;
  dataDir: string;
  investigator: Person;
  reviewer: Person;
  second: Person;
  auditor: Person;
  stop(): Promise<void>;
}

/**
 * A real `chatscreen serve` child process on a free port with a temporary data directory and
 * the shipped model, plus four people: an investigator, two reviewers and an auditor.
 */
export async function startWebService(env: Record<string, string> = {}): Promise<WebService> {
  if (!existsSync(new URL('../../../dist/web/index.html', import.meta.url))) {
    throw new Error('the reviewer page is not built: run `npm run build:web` (npm ci does)');
  }
  const scratch = await mkdtemp(join(tmpdir(), 'chatscreen-web-'));
  const dataDir = join(scratch, 'data');
  const admin = await addUser(dataDir, 'Admin Web', 'admin');
  const server = await startServerProcess(dataDir, {
    CHATSCREEN_MODELS_DIR: SHIPPED_MODELS,
    CHATSCREEN_WORKERS: '1',
    ...env,
  });
  const asAdmin = client(server.url, admin.token);
  const person = async (name: string, role: string): Promise<Person> => {
    const created = await asAdmin<{ user: { id: string }; token: string }>('POST', '/api/users', {
      json: { name, role },
    });
    if (created.status !== 201) throw new Error(`user not created: ${created.status}`);
    return {
      id: created.body.user.id,
      token: created.body.token,
      call: client(server.url, created.body.token),
    };
  };
  return {
    server,
    url: server.url,
    dataDir,
    investigator: await person('DC Investigator', 'investigator'),
    reviewer: await person('PS Reviewer', 'reviewer'),
    second: await person('PS Second', 'reviewer'),
    auditor: await person('Auditor Ames', 'auditor'),
    async stop() {
      await server.stop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

export interface SeededCase {
  caseId: string;
  exportId: string;
}

/** An open case with both reviewers and the auditor on it, and one CSV export uploaded. */
export async function seedCase(
  s: WebService,
  csv: string,
  reference = 'OP-WEB-1',
): Promise<SeededCase> {
  const created = await s.investigator.call<{ id: string }>('POST', '/api/cases', {
    json: {
      reference,
      legalBasis: 'Misconduct investigation; DPA 2018 Part 3',
      authorisedBy: 'Det. Supt. Example',
      expiresAt: '2099-01-01T00:00:00Z',
    },
  });
  if (created.status !== 201) throw new Error(`case not created: ${created.status}`);
  const caseId = created.body.id;
  for (const [who, role] of [
    [s.reviewer, 'reviewer'],
    [s.second, 'reviewer'],
    [s.auditor, 'auditor'],
  ] as const) {
    const added = await s.investigator.call('POST', `/api/cases/${caseId}/members`, {
      json: { userId: who.id, role },
    });
    if (added.status !== 201) throw new Error(`member not added: ${added.status}`);
  }
  const form = new FormData();
  form.append('tz', 'Europe/London');
  form.append('file', new Blob([csv]), 'team-chat.csv');
  const upload = await s.investigator.call<{ id: string }>('POST', `/api/cases/${caseId}/exports`, {
    body: form,
  });
  if (upload.status !== 201) throw new Error(`upload failed: ${upload.status}`);
  return { caseId, exportId: upload.body.id };
}

export async function startRun(s: WebService, exportId: string): Promise<string> {
  const started = await s.investigator.call<{ id: string }>(
    'POST',
    `/api/exports/${exportId}/runs`,
    {
      json: {},
    },
  );
  if (started.status !== 202) throw new Error(`run not started: ${started.status}`);
  return started.body.id;
}

/** Polls the run until it is done (no timing assertion: it only waits). */
export async function waitForRun(
  s: WebService,
  runId: string,
): Promise<{ counts: { flags: number } }> {
  for (;;) {
    const run = await s.investigator.call<{ status: string; counts: { flags: number } }>(
      'GET',
      `/api/runs/${runId}`,
    );
    if (run.body.status === 'done') return run.body;
    if (run.body.status === 'failed') throw new Error('run failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
