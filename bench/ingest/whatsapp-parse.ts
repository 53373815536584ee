// Child process of bench/ingest/whatsapp.ts: parses one file one way and prints one JSON line
// with the figures, including this process's peak resident memory (getrusage ru_maxrss).
import { readFileSync } from 'node:fs';
import { parseString } from 'whatsapp-chat-parser';
import { readExport } from '../../src/ingest/read-export.js';
import { IMPORTERS } from '../../src/ingest/registry.js';
import { ParseReportBuilder } from '../../src/ingest/report.js';
import { openExportSource } from '../../src/ingest/sources/index.js';
import { whatsappImporter } from '../../src/ingest/whatsapp/index.js';

const [path, mode] = process.argv.slice(2);
if (path === undefined || !['pipeline', 'importer', 'whatsapp-chat-parser'].includes(mode ?? '')) {
  console.error('usage: whatsapp-parse.ts FILE pipeline|importer|whatsapp-chat-parser');
  process.exit(2);
}

/**
 * CPU seconds of the main thread alone (Linux: /proc, in clock ticks of 10 ms; null elsewhere).
 * Work moved to another thread (the hash) leaves it; on a machine with a free core the wall time
 * follows it rather than the whole process's CPU time.
 */
function mainThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const mainBefore = mainThreadCpuSeconds();
let messages = 0;
let textChars = 0;
if (mode === 'pipeline') {
  // The shared pipeline: detection, SHA-256 of the whole file (it gives the export id; on a
  // worker thread, alongside the first pass), the two-pass streamed parse, numbering and
  // out-of-order checks, the report.
  const importers = IMPORTERS.some((i) => i.format === 'whatsapp')
    ? IMPORTERS
    : [...IMPORTERS, whatsappImporter];
  const reading = await readExport(path, { timezone: 'Europe/London', importers });
  for await (const m of reading.messages) {
    messages++;
    textChars += m.text.length;
  }
  reading.record();
} else if (mode === 'importer') {
  // The importer alone on the same file source, without hashing or numbering.
  const source = await openExportSource(path);
  const report = new ParseReportBuilder();
  for await (const m of whatsappImporter.read(source, {
    exportId: 'x_bench',
    timezone: 'Europe/London',
    dateOrder: null,
    report,
  })) {
    messages++;
    textChars += m.text.length;
  }
  await source.close();
} else {
  // The npm library users reach for: the whole file as one string, parsed at once.
  for (const m of parseString(readFileSync(path, 'utf8'), { parseAttachments: true })) {
    messages++;
    textChars += m.message.length;
  }
}
const seconds = (performance.now() - started) / 1000;
// CPU seconds of the parse itself (module loading excluded), steadier than wall time on a busy machine.
const cpu = process.cpuUsage(cpuBefore);
const mainAfter = mainThreadCpuSeconds();
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    mode,
    messages,
    textChars,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainThreadCpuSeconds: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
    maxRssKiB: usage.maxRSS,
  }),
);
