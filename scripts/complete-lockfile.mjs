#!/usr/bin/env node
// npm 11 (seen with 11.19) leaves some platform-specific optional dependencies (other OSes' builds
// of biome, swc...) out of package-lock.json, and `npm ci` then refuses the lockfile on every
// platform (npm/cli#4828, #8805). This adds the missing entries from the registry's metadata, the
// same repair upstream projects commit by hand. Run after changing dependencies:
//   npm install && node scripts/complete-lockfile.mjs && npm ci --dry-run --ignore-scripts
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const info = registryInfo(name, spec);
    // Builds for other platforms that this registry does not carry keep a bare version record:
    // npm ci skips a missing optional dependency, but only if the lockfile names it.
    const record = info
      ? { version: info.version, integrity: info['dist.integrity'] }
      : { version: spec.replace(/^[\^~=]/, '') };
    for (const key of ['cpu', 'libc', 'license', 'os', 'engines'])
      if (info?.[key]) record[key] = info[key];
    if (entry.dev) record.dev = true;
    record.optional = true;
    packages[`node_modules/${name}`] = record;
    added += 1;
  }
}

function registryInfo(name, spec) {
  try {
    const meta = JSON.parse(
      execFileSync(
        'npm',
        [
          'view',
          `${name}@${spec}`,
          '--json',
          'version',
          'dist.integrity',
          'os',
          'cpu',
          'libc',
          'license',
          'engines',
        ],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      ),
    );
    return Array.isArray(meta) ? meta.at(-1) : meta;
  } catch {
    return null;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} missing optional platform entries`);
