// Benchmark (not a test): parse a generated 1 GB Telegram Desktop JSON export and report
// throughput and peak memory. Goal (issue 2): peak RSS under 300 MB while streaming 1 GB.
// Usage: npm run bench:ingest:telegram [-- --bytes N] ; the file is kept in bench/data/ (ignored).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTelegram } from './telegram-generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const dataDir = join(here, '../data');
const bytesArg = process.argv.indexOf('--bytes');
const target = bytesArg > 0 ? Number(process.argv[bytesArg + 1]) : 1024 ** 3;
const file = join(dataDir, `telegram-${target}.json`);

mkdirSync(dataDir, { recursive: true });
if (!existsSync(file)) {
  const t = performance.now();
  const made = await generateTelegram(file, target);
  console.error(
    `generated ${file}: ${made.bytes} bytes, ${made.messages} messages in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
const size = statSync(file).size;

interface Figures {
  mode: string;
  messages: number;
  warnings: number;
  seconds: number;
  cpuSeconds: number;
  maxRssKiB: number;
}

function measure(mode: 'pipeline' | 'importer'): Figures {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'telegram-parse.ts'), file, mode],
    {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    },
  );
  if (child.status !== 0) throw new Error(`parse child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Figures;
}

const node = process.version;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
console.log(
  `Telegram JSON ingestion: ${(size / 1e6).toFixed(0)} MB file, node ${node}, ${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, commit ${commit}`,
);
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  '| path | messages | wall time | wall MB/s | CPU time | MB per CPU-second | peak RSS |',
);
console.log('|---|---|---|---|---|---|---|');
let worst = 0;
for (const mode of ['pipeline', 'importer'] as const) {
  const f = measure(mode);
  worst = Math.max(worst, f.maxRssKiB);
  console.log(
    `| ${mode === 'pipeline' ? 'readExport (hash + detect + parse)' : 'telegramImporter.read only'} | ${f.messages} | ${f.seconds.toFixed(1)} s | ${(size / 1e6 / f.seconds).toFixed(1)} | ${f.cpuSeconds.toFixed(1)} s | ${(size / 1e6 / f.cpuSeconds).toFixed(1)} | ${(f.maxRssKiB / 1024).toFixed(0)} MiB |`,
  );
}
const goal = 300;
console.log(`peak RSS goal < ${goal} MB: ${worst / 1024 < goal ? 'met' : 'NOT met'}`);
