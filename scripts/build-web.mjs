#!/usr/bin/env node
// Builds the reviewer page (src/web -> dist/web) at install: `prepare` runs this on every
// `npm ci` / `npm install`, so `npm ci && npm start` serves the page on a fresh machine. It only
// transpiles (no type-checking). A failed build must not fail someone else's `npm install` in a
// shared working tree: it warns, and the service then serves a page saying how to build.
// `npm run build:web` is the strict form (CI).
const config = new URL('../src/web/vite.config.ts', import.meta.url).pathname;
try {
  // Imported here, not at the top: an install without devDependencies has no vite, and that too
  // must only warn.
  const { build } = await import('vite');
  await build({ configFile: config, logLevel: 'warn' });
  console.log('chatscreen: built the reviewer page into dist/web');
} catch (error) {
  console.warn(
    `chatscreen: WARNING: the reviewer page was not built (${error instanceof Error ? error.message : error}); run \`npm run build:web\``,
  );
}
