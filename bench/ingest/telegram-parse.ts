// Child process of bench/ingest/telegram.ts: parses one file and prints one JSON line with the
// figures, including this process's peak resident memory (getrusage ru_maxrss).

import { readExport } from '../../src/ingest/read-export.js';
import { ParseReportBuilder } from '../../src/ingest/report.js';
import { openExportSource } from '../../src/ingest/sources/index.js';
import { telegramImporter } from '../../src/ingest/telegram/index.js';

const [path, mode] = process.argv.slice(2);
if (path === undefined || (mode !== 'pipeline' && mode !== 'importer')) {
  console.error('usage: telegram-parse.ts FILE pipeline|importer');
  process.exit(2);
}

const started = performance.now();
let messages = 0;
let textChars = 0;
let warnings = 0;
if (mode === 'pipeline') {
  // The shared pipeline: detection, SHA-256 of the whole file (it gives the export id), then
  // the streamed parse, numbering and report.
  const reading = await readExport(path, { timezone: 'Europe/Berlin' });
  for await (const m of reading.messages) {
    messages++;
    textChars += m.text.length;
  }
  warnings = reading.record().report.warningsTotal;
} else {
  // The importer alone, on the same file source, without hashing.
  const source = await openExportSource(path);
  const report = new ParseReportBuilder();
  for await (const m of telegramImporter.read(source, {
    exportId: 'x_bench',
    timezone: 'Europe/Berlin',
    dateOrder: null,
    report,
  })) {
    messages++;
    textChars += m.text.length;
  }
  await source.close();
  warnings = report.build().warningsTotal;
}
const seconds = (performance.now() - started) / 1000;
// CPU seconds (user + system) say more than wall time on a shared machine.
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
const figures = {
  mode,
  messages,
  textChars,
  warnings,
  seconds,
  cpuSeconds,
  maxRssKiB: usage.maxRSS,
};
console.log(JSON.stringify(figures));
