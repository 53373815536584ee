// Worker thread of `spawnBundledWorker` (worker-thread.ts): bundles the TypeScript module named
// in `process.argv[2]` with esbuild (in esbuild's own process) and runs the bundle in this
// thread. Plain JavaScript on purpose: registering tsx inside a worker costs about 0.2 s of CPU
// (its loader starts a hooks thread of its own), this about 0.04 s, which matters when the
// worker starts alongside work on the other core.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build, stop } from 'esbuild';

const entry = process.argv[2];
const result = await build({
  entryPoints: [entry],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Packages stay outside the bundle and are loaded as usual (native modules cannot be bundled).
  packages: 'external',
  write: false,
  logLevel: 'silent',
});
await stop();
const code = result.outputFiles[0].text;
const module = { exports: {} };
const run = new Function('require', 'module', 'exports', '__filename', '__dirname', code);
run(createRequire(entry), module, module.exports, entry, dirname(entry));
