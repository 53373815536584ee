// One measured import, in its own process so that peak RSS is its own (see generic.ts).
import { statSync } from 'node:fs';
import type { ExportFormat } from '../../src/domain/index.js';
import { readExport } from '../../src/ingest/read-export.js';

const [path = '', format = 'auto'] = process.argv.slice(2);
const bytes = statSync(path).size;
const cpuStart = process.cpuUsage();
const start = performance.now();
const reading = await readExport(path, {
  format: format as ExportFormat,
  timezone: 'Europe/London',
});
const hashed = performance.now();
let count = 0;
for await (const _ of reading.messages) count += 1;
const end = performance.now();
const record = reading.record();
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mb = bytes / 1024 ** 2;
console.log(
  `${format}: ${mb.toFixed(0)} MB, ${count} messages (${record.report.skippedTotal} skipped); ` +
    `hash ${((hashed - start) / 1000).toFixed(1)} s, parse ${((end - hashed) / 1000).toFixed(1)} s ` +
    `(${(mb / ((end - hashed) / 1000)).toFixed(0)} MB/s, ${Math.round(count / ((end - hashed) / 1000))} msgs/s); ` +
    `CPU ${cpuSeconds.toFixed(1)} s (${(mb / cpuSeconds).toFixed(1)} MB per CPU-second, hash included); ` +
    `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
);
