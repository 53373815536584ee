// Benchmark (not a test): WhatsApp "Export chat" ingestion. Generates Android exports of 100 MiB
// and 1 GiB under bench/data/ (git-ignored), then, each in a fresh child process:
// - on 100 MiB, our pipeline, our importer alone and whatsapp-chat-parser, alternating, `--runs`
//   times each; medians compared (goal, issue 2: at least twice whatsapp-chat-parser's throughput);
// - on 1 GiB, our pipeline and importer: peak RSS (goal: under 300 MB).
// Usage: npm run bench:ingest:whatsapp [-- --runs 3] [-- --small-only]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWhatsApp } from './whatsapp-generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const dataDir = join(here, '../data');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const smallOnly = process.argv.includes('--small-only');
const SMALL = 100 * 1024 ** 2;
const LARGE = 1024 ** 3;

type Mode = 'pipeline' | 'importer' | 'whatsapp-chat-parser';
interface Figures {
  mode: Mode;
  messages: number;
  seconds: number;
  cpuSeconds: number;
  /** The main thread alone (Linux only): what bounds the wall time when a second core is free. */
  mainThreadCpuSeconds: number | null;
  maxRssKiB: number;
}

async function ensure(bytes: number): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `whatsapp-${bytes}.txt`);
  if (!existsSync(file)) {
    const t = performance.now();
    const made = await generateWhatsApp(file, bytes);
    console.error(
      `generated ${file}: ${made.bytes} bytes, ${made.messages} messages in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  return file;
}

function measure(file: string, mode: Mode): Figures {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', '--import', 'tsx', join(here, 'whatsapp-parse.ts'), file, mode],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`${mode} child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Figures;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const label: Record<Mode, string> = {
  pipeline: '`readExport` (detect + two-pass parse + numbering; SHA-256 on a worker thread)',
  importer: '`whatsappImporter.read` only',
  'whatsapp-chat-parser': '`whatsapp-chat-parser` 4.0.2 `parseString` (whole file as a string)',
};

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const small = await ensure(SMALL);
const large = smallOnly ? null : await ensure(LARGE);
console.log(
  `WhatsApp ingestion: node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, commit ${commit}, load average before: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

const modes: Mode[] = ['pipeline', 'importer', 'whatsapp-chat-parser'];
const results = new Map<Mode, Figures[]>(modes.map((m) => [m, []]));
for (let r = 0; r < runs; r++) {
  for (const mode of modes) results.get(mode)?.push(measure(small, mode));
}
const size = statSync(small).size;
console.log(`\n100 MiB file (${(size / 1e6).toFixed(0)} MB), median of ${runs} runs each:\n`);
console.log(
  '| parser | messages | wall time | wall MB/s | CPU time | MB per CPU-second | main-thread CPU | peak RSS |',
);
console.log('|---|---|---|---|---|---|---|---|');
const summary = new Map<Mode, { wall: number; cpu: number }>();
for (const mode of modes) {
  const fs = results.get(mode) ?? [];
  const wall = median(fs.map((f) => f.seconds));
  const cpu = median(fs.map((f) => f.cpuSeconds));
  const mains = fs.map((f) => f.mainThreadCpuSeconds).filter((m): m is number => m !== null);
  const main = mains.length > 0 ? `${median(mains).toFixed(2)} s` : 'n/a';
  const rss = Math.max(...fs.map((f) => f.maxRssKiB));
  summary.set(mode, { wall, cpu });
  console.log(
    `| ${label[mode]} | ${fs[0]?.messages} | ${wall.toFixed(2)} s | ${(size / 1e6 / wall).toFixed(1)} | ${cpu.toFixed(2)} s | ${(size / 1e6 / cpu).toFixed(1)} | ${main} | ${(rss / 1024).toFixed(0)} MiB |`,
  );
}
console.log(
  `per run (wall s): ${modes.map((m) => `${m} ${(results.get(m) ?? []).map((f) => f.seconds.toFixed(2)).join(' ')}`).join('; ')}`,
);
const theirs = summary.get('whatsapp-chat-parser');
for (const mode of ['pipeline', 'importer'] as const) {
  const ours = summary.get(mode);
  if (ours === undefined || theirs === undefined) continue;
  console.log(
    `${mode}: ${(theirs.wall / ours.wall).toFixed(2)}x whatsapp-chat-parser's wall-clock throughput, ${(theirs.cpu / ours.cpu).toFixed(2)}x per CPU-second (goal: 2x)`,
  );
}

if (large !== null) {
  const lsize = statSync(large).size;
  console.log(`\n1 GiB file (${(lsize / 1e6).toFixed(0)} MB), one run each:\n`);
  console.log(
    '| parser | messages | wall time | wall MB/s | CPU time | main-thread CPU | peak RSS |',
  );
  console.log('|---|---|---|---|---|---|---|');
  let worst = 0;
  for (const mode of ['pipeline', 'importer'] as const) {
    const f = measure(large, mode);
    worst = Math.max(worst, f.maxRssKiB);
    console.log(
      `| ${label[mode]} | ${f.messages} | ${f.seconds.toFixed(1)} s | ${(lsize / 1e6 / f.seconds).toFixed(1)} | ${f.cpuSeconds.toFixed(1)} s | ${f.mainThreadCpuSeconds === null ? 'n/a' : `${f.mainThreadCpuSeconds.toFixed(1)} s`} | ${(f.maxRssKiB / 1024).toFixed(0)} MiB |`,
    );
  }
  console.log(
    `peak RSS goal < 300 MB: ${(worst * 1024) / 1e6 < 300 ? 'met' : 'NOT met'} (${((worst * 1024) / 1e6).toFixed(0)} MB)`,
  );
}
