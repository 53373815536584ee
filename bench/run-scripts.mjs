#!/usr/bin/env node
// Runs every npm script named `<prefix>:<name>` (one level below the prefix, so `bench` runs
// `bench:ingest` but not `bench:ingest:whatsapp` twice), in name order, and fails if one fails.
// `npm run bench` and `npm run bench:ingest` use it, so a new benchmark only needs its script.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const prefix = process.argv[2];
if (!prefix) {
  console.error('usage: run-scripts.mjs PREFIX');
  process.exit(2);
}
const { scripts = {} } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
);
const names = Object.keys(scripts)
  .filter((name) => name.startsWith(`${prefix}:`) && !name.slice(prefix.length + 1).includes(':'))
  .sort();
if (names.length === 0) {
  console.error(`no ${prefix}:* scripts yet`);
  process.exit(0);
}
let failed = 0;
for (const name of names) {
  console.error(`\n== npm run ${name}`);
  const result = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
