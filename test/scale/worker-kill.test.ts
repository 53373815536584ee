import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, postgresBackend, type WorkerProcess } from '../e2e/support/backends.js';
import { modelsForTest } from '../e2e/support/models.js';
import {
  addUser,
  client,
  type ServerProcess,
  startServerProcess,
} from '../e2e/support/processes.js';
import { postgresAvailable } from '../service/contract/postgres-support.js';
import { csvExport, uploadForm } from '../service/support/harness.js';
import { SseReader } from '../service/support/sse.js';

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

const WHY = 'Checking a run that lost a worker against an uninterrupted one';
const MESSAGES = 12_000;
const JOBS = 'chatscreen_jobs';

const available = await postgresAvailable();

/**
 * Scale-out, for real: an API process that screens nothing, two `chatscreen worker` processes
 * sharing only the PostgreSQL database, the real screening runtime. One worker is killed with
 * SIGKILL while it holds batches; the survivor notices (its liveness sweep), the held batches are
 * retried, and the run ends with exactly the flags of an uninterrupted run: no duplicate, no gap.
 * A follower that drops its SSE stream mid-run and resumes with Last-Event-ID gets every flag
 * exactly once though the flags were written by other processes.
 */
describe.skipIf(!available)('a worker killed mid-batch (PostgreSQL + graphile-worker)', () => {
  let scratch: string;
  let backend: Backend;
  let env: Record<string, string>;
  let server: ServerProcess | null = null;
  let abusive: string[] = [];

  beforeAll(async () => {
    backend = await postgresBackend();
    scratch = await mkdtemp(join(tmpdir(), 'chatscreen-kill-'));
    const models = await modelsForTest(scratch);
    abusive = models.abusive;
    env = {
      ...backend.env,
      CHATSCREEN_MODELS_DIR: models.dir,
      CHATSCREEN_RUN_BATCH_SIZE: '10',
      CHATSCREEN_WORKERS: '1',
      CHATSCREEN_MAX_UPLOAD_BYTES: String(64 * 1024 * 1024),
    };
  });
  afterAll(async () => {
    await server?.kill();
    await backend?.cleanup();
    await rm(scratch, { recursive: true, force: true });
  });

  async function allFlags(call: ReturnType<typeof client>, runId: string): Promise<Flag[]> {
    const flags: Flag[] = [];
    let after = 0;
    for (;;) {
      const page = await call<{ items: Flag[]; nextAfterSeq: number | null }>(
        'GET',
        `/api/runs/${runId}/flags?limit=1000&afterSeq=${after}`,
        { justification: WHY },
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

  const over = (run: Run) => run.status === 'done' || run.status === 'failed';

  function workerIdsOf(worker: WorkerProcess): string[] {
    for (const line of worker.logs().split('\n')) {
      if (!line.includes('job workers ready')) continue;
      return (JSON.parse(line) as { workers: string[] }).workers;
    }
    throw new Error('the worker never said which ids it has');
  }

  it('retries the batches a killed worker held and ends with exactly the uninterrupted flags', async () => {
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    try {
      const investigator = await addUser(scratch, 'Investigator K', 'investigator', env);
      server = await startServerProcess(join(scratch, 'data'), env, backend.serveArgs);
      const call = client(server.url, investigator.token);
      const [victim, survivor] = await backend.startWorkers(2, {
        ...env,
        LOG_LEVEL: 'debug',
      });
      if (victim === undefined || survivor === undefined) throw new Error('no workers');

      const created = await call<{ id: string }>('POST', '/api/cases', {
        json: {
          reference: 'KILL-1',
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
        { body: uploadForm(csvExport(rows)) },
      );
      expect(upload.body.messageCount).toBe(MESSAGES);
      const exportId = upload.body.id;
      const started = await call<{ id: string }>('POST', `/api/exports/${exportId}/runs`, {
        json: {},
      });
      const runId = started.body.id;

      // A follower reads a few flags from the stream, then drops it.
      const first = await fetch(`${server.url}/api/runs/${runId}/events`, {
        headers: { authorization: `Bearer ${investigator.token}`, 'x-justification': WHY },
      });
      if (first.body === null) throw new Error('no stream');
      const reader = new SseReader(first.body);
      const seen: number[] = [];
      while (seen.length < 5) {
        const event = await reader.next();
        if (event === null) throw new Error('stream ended early');
        if (event.event === 'flag') seen.push(Number(event.id));
      }
      await reader.cancel();

      // Kill one worker while it holds at least one batch.
      const victimIds = workerIdsOf(victim);
      const held = async () =>
        (
          await db.query<{ key: string }>(
            `SELECT key FROM ${JOBS}.jobs WHERE locked_by = ANY($1::text[]) AND key IS NOT NULL`,
            [victimIds],
          )
        ).rows.map((r) => r.key);
      for (;;) {
        const run = (await call<Run>('GET', `/api/runs/${runId}`)).body;
        expect(over(run), 'the run finished before a worker could be killed').toBe(false);
        if (run.progress.batchesDone >= 10 && (await held()).length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await victim.kill();
      // Its process is gone; what it held when it died stays locked until someone notices.
      const orphaned = await held();
      expect(orphaned.length).toBeGreaterThan(0);
      expect(orphaned.every((key) => key.startsWith(`batch:${runId}:`))).toBe(true);

      // The follower comes back with Last-Event-ID while the survivor works.
      const resumed = await fetch(`${server.url}/api/runs/${runId}/events`, {
        headers: {
          authorization: `Bearer ${investigator.token}`,
          'x-justification': WHY,
          'last-event-id': String(seen.at(-1)),
        },
      });
      if (resumed.body === null) throw new Error('no stream');
      const rest = (await new SseReader(resumed.body).until('done'))
        .filter((e) => e.event === 'flag')
        .map((e) => Number(e.id));

      const finished = await waitUntil(call, runId, over);
      expect(finished.status).toBe('done');
      expect(finished.progress.batchesDone).toBe(finished.progress.batchCount);
      expect(finished.counts.screened).toBe(finished.counts.screenable);
      // The batches the dead worker held were released and done by the survivor.
      expect(await held()).toEqual([]);
      const survivorLog = survivor.logs();
      expect(survivorLog).toContain('released the jobs of workers that died');
      // Each batch it held was taken again by the survivor: screened and committed, or found
      // already committed (the victim died between its commit and telling graphile-worker).
      const retried = new Set(
        survivorLog
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { msg?: string; runId?: string; batch?: number })
          .filter(
            (l) =>
              l.runId === runId && (l.msg === 'batch committed' || l.msg === 'batch already done'),
          )
          .map((l) => l.batch),
      );
      for (const key of orphaned) {
        const index = Number(key.split(':').at(-1));
        expect(retried.has(index), `batch ${index} was not retried`).toBe(true);
      }

      const flags = await allFlags(call, runId);
      expect(flags.length).toBe(finished.counts.flags);
      expect(flags.map((f) => f.seq)).toEqual(flags.map((_, i) => i + 1));
      expect(new Set(flags.map((f) => f.id)).size).toBe(flags.length);
      expect([...seen, ...rest]).toEqual(flags.map((f) => f.seq));

      // Both workers took batches: the run was spread across processes.
      for (const worker of [victim, survivor]) {
        expect(worker.logs()).toContain('batch committed');
      }

      const reference = await call<{ id: string }>('POST', `/api/exports/${exportId}/runs`, {
        json: {},
      });
      const uninterrupted = await waitUntil(call, reference.body.id, over);
      expect(uninterrupted.status).toBe('done');
      const key = (f: Flag) => [f.messageId, f.start, f.end, f.category, f.score].join('|');
      expect(flags.map(key).sort()).toEqual(
        (await allFlags(call, reference.body.id)).map(key).sort(),
      );

      const auditor = await addUser(scratch, 'Auditor K', 'auditor', env);
      const verify = await client(server.url, auditor.token)<{ ok: boolean }>(
        'GET',
        '/api/audit/verify',
      );
      expect(verify.body.ok).toBe(true);
    } finally {
      await db.end();
    }
  }, 300_000);
});
