import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * The reviewer and auditor page (src/web), built into dist/web by `npm run build:web` (run at
 * install by `prepare`) and served at `/`. Only the files the build wrote are served, from a map
 * read once, so no request path ever reaches the file system.
 */

/** dist/web at the package root: `../../` from src/http and from a compiled dist/http alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Scripts and styles from this origin only, nothing inline, no framing, no other origin. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

async function loadAssets(root: string): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  const files = await walk(root).catch(() => []);
  for (const file of files) {
    const type = TYPES[extname(file)];
    if (type === undefined) continue;
    const urlPath = `/${relative(root, file).split(sep).join('/')}`;
    assets.set(urlPath, { body: new Uint8Array(await readFile(file)), type });
  }
  return assets;
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>chatscreen</title>
<p>The reviewer page has not been built. Run <code>npm run build:web</code> (it runs on
<code>npm ci</code>) and reload. The API is at <code>/api</code>, its description at
<code>/openapi.json</code>.</p>`;

export function registerWebAssets(app: OpenAPIHono<AppEnv>, root: string = DEFAULT_WEB_ROOT): void {
  let loaded: Promise<Map<string, Asset>> | null = null;
  const assets = async () => {
    loaded ??= loadAssets(root);
    const map = await loaded;
    // Built after the server started (a developer's first build): look again until it exists.
    if (!map.has('/index.html')) loaded = null;
    return map;
  };

  const page = async (c: Context<AppEnv>) => {
    const index = (await assets()).get('/index.html');
    c.header('content-security-policy', PAGE_CSP);
    c.header('cache-control', 'no-cache');
    if (index === undefined) return c.html(NOT_BUILT, 503);
    return c.body(index.body, 200, { 'content-type': index.type });
  };
  app.get('/', page);
  app.get('/index.html', page);
  app.get('/assets/*', async (c) => {
    const asset = (await assets()).get(c.req.path);
    if (asset === undefined) return c.notFound();
    // Vite puts a content hash in every asset's name: a changed file is a new name.
    return c.body(asset.body, 200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
}
