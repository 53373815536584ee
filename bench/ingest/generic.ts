// npm run bench:ingest:generic [-- --size-mb N]
//
// The pipeline's own streaming goal, on the formats owned with it: a generated JSONL and a
// generated SMS Backup & Restore XML of about N MB (default 1024) are read through readExport
// (hashing pass + parse) in a fresh process each, reporting MB/s and peak RSS. Goal: peak RSS
// well under 300 MB for a 1 GB export. Files are generated once into bench/data/.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { 'size-mb': { type: 'string', default: '1024' } } });
const sizeMb = Number(args['size-mb']);
const dataDir = new URL('../data', import.meta.url).pathname;

const WORDS =
  'the quick brown fox jumps over a lazy dog while we wait for the bus to town again'.split(' ');
const NAMES = ['Ana Silva', 'Ben Okafor', 'Chen Wei', 'Dana Kowalska', 'Émile Dubois'];

function sentence(i: number): string {
  const n = 4 + (i % 17);
  const words: string[] = [];
  for (let k = 0; k < n; k += 1) words.push(WORDS[(i * 7 + k * 13) % WORDS.length] ?? 'x');
  return i % 11 === 0 ? `${words.join(' ')} 😀 café` : words.join(' ');
}

async function generate(
  path: string,
  header: string,
  footer: string,
  line: (i: number) => string,
): Promise<void> {
  if (existsSync(path) && statSync(path).size >= sizeMb * 1024 * 1024) return;
  const out = createWriteStream(path);
  let written = 0;
  out.write(header);
  for (let i = 0; written < sizeMb * 1024 * 1024; i += 1) {
    const text = line(i);
    written += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.write(footer);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

await mkdir(dataDir, { recursive: true });
const jsonl = join(dataDir, `generic-${sizeMb}mb.jsonl`);
const sms = join(dataDir, `sms-${sizeMb}mb.xml`);
await generate(
  jsonl,
  '',
  '',
  (i) =>
    `${JSON.stringify({ id: `r${i}`, text: sentence(i), sender: NAMES[i % NAMES.length], sentAt: new Date(1.7e12 + i * 61_000).toISOString().slice(0, 19), conversation: `c${i % 40}` })}\n`,
);
await generate(
  sms,
  "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"0\">\n",
  '</smses>\n',
  (i) =>
    `  <sms protocol="0" address="+4477009${String(i % 997).padStart(5, '0')}" date="${1.7e12 + i * 61_000}" type="${(i % 2) + 1}" subject="null" body="${xmlEscape(sentence(i)).replace(/😀/g, '&#55357;&#56832;')}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" readable_date="x" contact_name="${NAMES[i % NAMES.length]}" />\n`,
);

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
);
for (const [format, path] of [
  ['jsonl', jsonl],
  ['sms', sms],
] as const) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL('./generic-run.ts', import.meta.url).pathname, path, format],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exitCode = 1;
    continue;
  }
  console.log(run.stdout.trim());
}
