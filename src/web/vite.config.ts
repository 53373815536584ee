import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the reviewer and auditor page into dist/web, which the service serves at `/`
 * (src/http/web-assets.ts). Transpile only: type-checking is `npm run typecheck:web`, so an
 * install never depends on it. Everything is bundled locally; no CDN, no inline script or style,
 * so the page runs under a strict Content-Security-Policy.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: {
    // `npx vite --config src/web/vite.config.ts` while `npm start` runs: the API stays on 8080.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
