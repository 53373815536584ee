import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvExport, uploadForm } from '../service/support/harness.js';
import { modelsForTest } from './support/models.js';
import { addUser, client, type ServerProcess, startServerProcess } from './support/processes.js';

interface Run {
  status: string;
  progress: { batchesDone: number; batchCount: number };
  counts: { flags: number; screened: number; screenable: number };
}
interface Flag {
  id: string;
  seq: number;
  messageId: string;
  start: number;
  end: number;
  category: string;
  score: number;
}

const WHY = 'Verifying a resumed run against an uninterrupted one';
const MESSAGES = 12_000;

/**
 * kill -9 in the middle of a run, restart, and the run finishes with exactly the flags an
 * uninterrupted run gives: no duplicates, no gaps. A real server process, real SQLite, the real
 * screening runtime.
 */
describe('a run survives kill -9', () => {
  let scratch: string;
  let dataDir: string;
  let env: Record<string, string>;
  let server: ServerProcess | null = null;
  let abusive: string[] = [];

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'chatscreen-crash-'));
    dataDir = join(scratch, 'data');
    const models = await modelsForTest(scratch);
    abusive = models.abusive;
    env = {
      CHATSCREEN_MODELS_DIR: models.dir,
      CHATSCREEN_RUN_BATCH_SIZE: '10',
      CHATSCREEN_WORKERS: '1',
      CHATSCREEN_MAX_UPLOAD_BYTES: String(64 * 1024 * 1024),
    };
  });
  afterAll(async () => {
    await server?.kill();
    await rm(scratch, { recursive: true, force: true });
  });

  async function allFlags(call: ReturnType<typeof client>, runId: string): Promise<Flag[]> {
    const flags: Flag[] = [];
    let after = 0;
    for (;;) {
      const page = await call<{ items: Flag[]; nextAfterSeq: number | null }>(
        'GET',
        `/api/runs/${runId}/flags?limit=1000&afterSeq=${after}`,
        {
          justification: WHY,
        },
      );
      flags.push(...page.body.items);
      if (page.body.nextAfterSeq === null) return flags;
      after = page.body.nextAfterSeq;
    }
  }

  async function waitUntil(
    call: ReturnType<typeof client>,
    runId: string,
    done: (run: Run) => boolean,
  ): Promise<Run> {
    for (;;) {
      const { body } = await call<Run>('GET', `/api/runs/${runId}`);
      if (done(body)) return body;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('resumes and ends with exactly the uninterrupted flags', async () => {
    const investigator = await addUser(dataDir, 'Investigator One', 'investigator');
    server = await startServerProcess(dataDir, env);
    let call = client(server.url, investigator.token);

    const created = await call<{ id: string }>('POST', '/api/cases', {
      json: {
        reference: 'CRASH-1',
        legalBasis: 'test',
        authorisedBy: 'test',
        expiresAt: '2099-01-01T00:00:00Z',
      },
    });
    const rows = Array.from({ length: MESSAGES }, (_, i) => ({
      text: i % 4 === 0 ? `${abusive[i % abusive.length]} ${i}` : `see you at lunch ${i}`,
      sender: `Person ${i % 5}`,
    }));
    const upload = await call<{ id: string; messageCount: number }>(
      'POST',
      `/api/cases/${created.body.id}/exports`,
      {
        body: uploadForm(csvExport(rows)),
      },
    );
    expect(upload.body.messageCount).toBe(MESSAGES);
    const exportId = upload.body.id;

    const started = await call<{ id: string }>('POST', `/api/exports/${exportId}/runs`, {
      json: {},
    });
    const runId = started.body.id;
    const before = await waitUntil(
      call,
      runId,
      (run) =>
        run.progress.batchesDone >= 3 || (run.status !== 'queued' && run.status !== 'running'),
    );
    // If this fails the machine screened everything before we could kill it: raise MESSAGES.
    expect(before.status).toBe('running');
    await server.kill();

    server = await startServerProcess(dataDir, env);
    call = client(server.url, investigator.token);
    const afterCrash = await call<Run>('GET', `/api/runs/${runId}`);
    expect(afterCrash.body.progress.batchesDone).toBeLessThan(afterCrash.body.progress.batchCount);
    const resumed = await waitUntil(
      call,
      runId,
      (run) => run.status === 'done' || run.status === 'failed',
    );
    expect(resumed.status).toBe('done');
    expect(resumed.progress.batchesDone).toBe(resumed.progress.batchCount);
    expect(resumed.counts.screened).toBe(resumed.counts.screenable);

    const reference = await call<{ id: string }>('POST', `/api/exports/${exportId}/runs`, {
      json: {},
    });
    const uninterrupted = await waitUntil(
      call,
      reference.body.id,
      (run) => run.status === 'done' || run.status === 'failed',
    );
    expect(uninterrupted.status).toBe('done');

    // Flags the reviewer page reads need a reviewer: the creating investigator is on the case.
    const a = await allFlags(call, runId);
    const b = await allFlags(call, reference.body.id);
    const key = (f: Flag) => [f.messageId, f.start, f.end, f.category, f.score].join('|');
    expect(a.length).toBeGreaterThan(0);
    expect(a.map((f) => f.seq)).toEqual(a.map((_, i) => i + 1));
    expect(new Set(a.map((f) => f.id)).size).toBe(a.length);
    expect(a.map(key).sort()).toEqual(b.map(key).sort());
    expect(resumed.counts.flags).toBe(a.length);

    const auditor = await addUser(dataDir, 'Auditor One', 'auditor');
    const verify = await client(server.url, auditor.token)<{ ok: boolean }>(
      'GET',
      '/api/audit/verify',
    );
    expect(verify.body.ok).toBe(true);
    await server.stop();
    server = null;
  }, 240_000);
});
