import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './env.js';
import { PAGE_CSP, registerWebAssets } from './web-assets.js';

describe('serving the built reviewer page', () => {
  let root: string;
  let app: OpenAPIHono<AppEnv>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'chatscreen-web-root-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>page</title>');
    await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'notes.txt'), 'not a web asset');
    app = new OpenAPIHono<AppEnv>();
    registerWebAssets(app, root);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('serves the page at / under a strict content security policy, never cached', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>page</title>');
  });

  it('serves hashed assets as immutable, and nothing else', async () => {
    const js = await app.request('/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    for (const path of [
      '/assets/notes.txt',
      '/assets/../../package.json',
      '/assets/%2e%2e/x',
      '/assets/nope.js',
    ]) {
      expect((await app.request(path)).status).toBe(404);
    }
  });

  it('says how to build the page when it has not been built', async () => {
    const bare = new OpenAPIHono<AppEnv>();
    registerWebAssets(bare, join(root, 'missing'));
    const response = await bare.request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
  });
});
