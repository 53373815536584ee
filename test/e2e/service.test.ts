import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../service/contract/postgres-support.js';
import { SseReader } from '../service/support/sse.js';
import { type Backend, postgresBackend, sqliteBackend } from './support/backends.js';
import { modelsForTest } from './support/models.js';
import {
  addUser,
  client,
  runCliProcess,
  type ServerProcess,
  startServerProcess,
} from './support/processes.js';

const FIXTURE = new URL('./fixtures/group-chat.csv', import.meta.url);
const WHY = 'Reviewing flagged messages in case E2E-1';

interface Flag {
  id: string;
  seq: number;
  messageId: string;
  text: string;
  category: string;
  score: number;
  model: { id: string; sha256: string };
}

/**
 * The whole service as people meet it: a real server process on a free port with a temporary
 * data directory, tokens from the real CLI, a fixture export uploaded over HTTP, the SSE stream
 * followed to `done` (and resumed with Last-Event-ID), a human decision, the audit chain
 * verified, and a replay that is identical. Once with SQLite (the server screens), once with
 * PostgreSQL (the server screens nothing; a separate worker process does).
 */
function describeEndToEnd(name: string, open: () => Promise<Backend>): void {
  describe(`the real server, end to end (${name})`, () => {
    let scratch: string;
    let dataDir: string;
    let server: ServerProcess | null = null;
    let env: Record<string, string>;
    let backend: Backend;

    beforeAll(async () => {
      backend = await open();
      scratch = await mkdtemp(join(tmpdir(), 'chatscreen-e2e-'));
      dataDir = join(scratch, 'data');
      const models = await modelsForTest(scratch);
      env = {
        ...backend.env,
        CHATSCREEN_MODELS_DIR: models.dir,
        CHATSCREEN_WORKERS: '1',
        CHATSCREEN_RUN_BATCH_SIZE: '4',
      };
    });
    afterAll(async () => {
      await server?.kill();
      await backend?.cleanup();
      await rm(scratch, { recursive: true, force: true });
    });

    it('screens, streams, records a decision, verifies and replays', async () => {
      const investigator = await addUser(dataDir, 'Investigator E2E', 'investigator', env);
      const reviewer = await addUser(dataDir, 'Reviewer E2E', 'reviewer', env);
      const auditor = await addUser(dataDir, 'Auditor E2E', 'auditor', env);
      server = await startServerProcess(dataDir, env, backend.serveArgs);
      const workers = await backend.startWorkers(1, env);
      const asInvestigator = client(server.url, investigator.token);
      const asReviewer = client(server.url, reviewer.token);
      const asAuditor = client(server.url, auditor.token);

      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ ok: true, store: backend.name });

      const created = await asInvestigator<{ id: string }>('POST', '/api/cases', {
        json: {
          reference: 'E2E-1',
          legalBasis: 'Misconduct investigation; law enforcement processing',
          authorisedBy: 'Det. Supt. Example',
          scope: { from: '2024-02-01T00:00:00Z', to: '2024-02-29T23:59:59Z' },
          expiresAt: '2099-01-01T00:00:00Z',
        },
      });
      expect(created.status).toBe(201);
      const caseId = created.body.id;
      for (const [user, role] of [
        [reviewer, 'reviewer'],
        [auditor, 'auditor'],
      ] as const) {
        expect(
          (
            await asInvestigator('POST', `/api/cases/${caseId}/members`, {
              json: { userId: user.id, role },
            })
          ).status,
        ).toBe(201);
      }

      const form = new FormData();
      form.append('tz', 'Europe/London');
      form.append('file', new Blob([await readFile(FIXTURE)]), 'group-chat.csv');
      const upload = await asInvestigator<{
        id: string;
        sha256: string;
        format: string;
        messageCount: number;
      }>('POST', `/api/cases/${caseId}/exports`, { body: form });
      expect(upload.status).toBe(201);
      expect(upload.body).toMatchObject({ format: 'csv', messageCount: 12 });

      const started = await asInvestigator<{ id: string }>(
        'POST',
        `/api/exports/${upload.body.id}/runs`,
        { json: {} },
      );
      expect(started.status).toBe(202);
      const runId = started.body.id;

      const stream = await fetch(`${server.url}/api/runs/${runId}/events`, {
        headers: { authorization: `Bearer ${reviewer.token}`, 'x-justification': WHY },
      });
      expect(stream.status).toBe(200);
      if (stream.body === null) throw new Error('no stream');
      const events = await new SseReader(stream.body).until('done');
      expect(events.at(-1)?.event).toBe('done');
      const flags = events.filter((e) => e.event === 'flag').map((e) => JSON.parse(e.data) as Flag);
      expect(flags.length).toBeGreaterThan(0);
      expect(flags.map((f) => f.seq)).toEqual(flags.map((_, i) => i + 1));
      // Resuming after the second flag gives exactly the rest: nothing repeated, nothing skipped.
      const cut = Math.min(2, flags.length);
      const resumed = await fetch(`${server.url}/api/runs/${runId}/events`, {
        headers: {
          authorization: `Bearer ${reviewer.token}`,
          'x-justification': WHY,
          'last-event-id': String(flags[cut - 1]?.seq ?? 0),
        },
      });
      if (resumed.body === null) throw new Error('no stream');
      const rest = (await new SseReader(resumed.body).until('done')).filter(
        (e) => e.event === 'flag',
      );
      expect(rest.map((e) => e.id)).toEqual(flags.slice(cut).map((f) => String(f.seq)));
      const done = JSON.parse(events.at(-1)?.data ?? '{}') as {
        status: string;
        counts: { flags: number; screened: number };
      };
      expect(done).toMatchObject({ status: 'done', counts: { flags: flags.length, screened: 12 } });

      const first = flags[0];
      if (first === undefined) throw new Error('no flag');
      const detail = await asReviewer<{ message: { text: string; sender: { label: string } } }>(
        'GET',
        `/api/flags/${first.id}?context=2`,
        {
          justification: WHY,
        },
      );
      expect(detail.status).toBe(200);
      expect(detail.body.message.sender.label).toMatch(/^Participant \d+$/);
      const decision = await asReviewer('POST', `/api/flags/${first.id}/decisions`, {
        json: { outcome: 'relevant', reason: 'Abusive remark about a member of the public' },
      });
      expect(decision.status).toBe(201);

      const report = await asInvestigator<{
        reviewedFlags: unknown[];
        exports: { sha256: string }[];
      }>('GET', `/api/cases/${caseId}/report`, {
        justification: 'Preparing the disclosure bundle',
      });
      expect(report.body.reviewedFlags).toHaveLength(1);
      expect(report.body.exports[0]?.sha256).toBe(upload.body.sha256);

      const verify = await asAuditor<{ ok: boolean; events: number }>('GET', '/api/audit/verify');
      expect(verify.body.ok).toBe(true);

      const replay = await asAuditor<{ id: string }>('POST', `/api/runs/${runId}/replay`);
      expect(replay.status).toBe(202);
      let result: { status: string; result: { identical: boolean; unchanged: number } | null };
      for (;;) {
        result = (await asAuditor<typeof result>('GET', `/api/replays/${replay.body.id}`)).body;
        if (result.status === 'done' || result.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(result).toMatchObject({
        status: 'done',
        result: { identical: true, unchanged: flags.length },
      });

      await server.stop();
      expect(server.child.exitCode, server.errors()).toBe(0);
      for (const worker of workers) await worker.stop();
      const logs = [server.logs(), ...workers.map((w) => w.logs())].join('\n');
      server = null;
      const lines = logs.split('\n').filter((l) => l !== '');
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) {
        expect(() => JSON.parse(line), line).not.toThrow();
        expect(line).not.toContain('moron');
        expect(line).not.toContain('PC Cedar');
        expect(line).not.toContain(reviewer.token);
      }

      const cli = await runCliProcess(['audit', 'verify', '--data-dir', dataDir], env);
      expect(cli.code).toBe(0);
      expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true });
    }, 240_000);
  });
}

describeEndToEnd('sqlite', async () => sqliteBackend());

// Skipped with a message when no PostgreSQL server is reachable, unless CI is set.
const pgAvailable = await postgresAvailable();
describe.skipIf(!pgAvailable)('with PostgreSQL', () => {
  describeEndToEnd('postgres', postgresBackend);
});
