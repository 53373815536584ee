// npm run bench:service [-- --messages N --workers N --batch-size N --models-dir DIR]
//
// The service end to end on this machine: a real `chatscreen serve` process with a fresh data
// directory; a generated export of N messages (default 100,000) uploaded over HTTP, screened
// with the default model, followed over SSE to `done`. Reports upload+import time, time from
// the run's 202 to the first `flag` event (SSE first-flag latency), time to `done`, throughput
// and the server's peak RSS. Without an installed model it uses the tiny test model and says so.
import { openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { modelsForTest } from '../test/e2e/support/models.js';
import { addUser, client, startServerProcess } from '../test/e2e/support/processes.js';
import { SseReader } from '../test/service/support/sse.js';
import { writeBenchExport } from './service-export.js';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' },
    workers: { type: 'string', default: '2' },
    'batch-size': { type: 'string', default: '256' },
    'models-dir': { type: 'string' },
  },
});
const count = Number(args.messages);

async function peakRss(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
}

const scratch = await mkdtemp(join(tmpdir(), 'chatscreen-bench-service-'));
try {
  const models =
    args['models-dir'] === undefined
      ? await modelsForTest(scratch)
      : { dir: args['models-dir'], shipped: true };
  const exportPath = join(scratch, 'bench-export.csv');
  await writeBenchExport(exportPath, count);
  const bytes = (await stat(exportPath)).size;
  const dataDir = join(scratch, 'data');
  const user = await addUser(dataDir, 'Bench Investigator', 'investigator');
  const server = await startServerProcess(dataDir, {
    CHATSCREEN_MODELS_DIR: models.dir,
    CHATSCREEN_WORKERS: args.workers,
    CHATSCREEN_RUN_BATCH_SIZE: args['batch-size'],
    CHATSCREEN_MAX_UPLOAD_BYTES: String(4 * 1024 * 1024 * 1024),
    LOG_LEVEL: 'warn',
  });
  try {
    const call = client(server.url, user.token);
    const created = await call<{ id: string }>('POST', '/api/cases', {
      json: {
        reference: 'BENCH',
        legalBasis: 'benchmark',
        authorisedBy: 'bench',
        expiresAt: '2099-01-01T00:00:00Z',
      },
    });
    const form = new FormData();
    form.append('file', await openAsBlob(exportPath), 'bench-export.csv');
    const t0 = performance.now();
    const upload = await call<{ id: string; messageCount: number }>(
      'POST',
      `/api/cases/${created.body.id}/exports`,
      { body: form },
    );
    const tUploaded = performance.now();
    if (upload.status !== 201)
      throw new Error(`upload failed: ${upload.status} ${JSON.stringify(upload.body)}`);

    const started = await call<{ id: string }>('POST', `/api/exports/${upload.body.id}/runs`, {
      json: {},
    });
    const tStarted = performance.now();
    const stream = await fetch(`${server.url}/api/runs/${started.body.id}/events`, {
      headers: { authorization: `Bearer ${user.token}`, 'x-justification': 'benchmark' },
    });
    if (stream.body === null) throw new Error('no event stream');
    const reader = new SseReader(stream.body);
    let firstFlag: number | null = null;
    let flags = 0;
    let doneData = '';
    for (;;) {
      const event = await reader.next();
      if (event === null) break;
      if (event.event === 'flag') {
        flags += 1;
        firstFlag ??= performance.now();
      }
      if (event.event === 'done') {
        doneData = event.data;
        break;
      }
    }
    const tDone = performance.now();
    const done = JSON.parse(doneData) as {
      status: string;
      counts: { screened: number; flags: number };
    };
    const rss = await peakRss(server.child.pid);
    const seconds = (ms: number) => Number((ms / 1000).toFixed(2));
    const result = {
      model: models.shipped
        ? `installed models in ${models.dir}`
        : 'NO MODEL INSTALLED: tiny Hugging Face test model',
      machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`,
      messages: upload.body.messageCount,
      exportBytes: bytes,
      workers: Number(args.workers),
      batchSize: Number(args['batch-size']),
      status: done.status,
      flags: done.counts.flags,
      flagsStreamed: flags,
      uploadAndImportSeconds: seconds(tUploaded - t0),
      runSeconds: seconds(tDone - tStarted),
      uploadToDoneSeconds: seconds(tDone - t0),
      sseFirstFlagLatencyMs: firstFlag === null ? null : Math.round(firstFlag - tStarted),
      messagesPerSecondScreening: Math.round(done.counts.screened / ((tDone - tStarted) / 1000)),
      serverPeakRssMiB: rss === null ? null : Math.round(rss / 1024 / 1024),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
