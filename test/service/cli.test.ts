import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/access/index.js';
import { runCli } from '../../src/cli/main.js';
import { openSqliteStore } from '../../src/store/index.js';

async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const code = await runCli(args, { stdout, stderr, env, cwd: tmpdir() });
  stdout.end();
  stderr.end();
  return { code, out: await text(stdout), err: await text(stderr) };
}

describe('chatscreen users and audit on a data directory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chatscreen-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a user and prints a working token once, stored only hashed', async () => {
    const added = await cli([
      'users',
      'add',
      'DC Example',
      '--role',
      'investigator',
      '--data-dir',
      dir,
    ]);
    expect(added.code).toBe(0);
    const user = JSON.parse(added.out) as { id: string; name: string; role: string; token: string };
    expect(user).toMatchObject({ name: 'DC Example', role: 'investigator' });
    expect(user.token).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);
    expect(added.err).toContain('shown only this once');

    const store = openSqliteStore(dir);
    try {
      expect((await authenticate(store, user.token)).user.id).toBe(user.id);
    } finally {
      await store.close();
    }
    const listed = await cli(['users', 'list', '--data-dir', dir]);
    expect(listed.out).toContain(user.id);
    expect(listed.out).not.toContain(user.token);
  });

  it('takes the data directory from the environment too', async () => {
    const added = await cli(['users', 'add', 'Admin One', '--role', 'admin'], {
      CHATSCREEN_DATA_DIR: dir,
    });
    expect(added.code).toBe(0);
    expect((await cli(['users', 'list', '--data-dir', dir])).out).toContain('Admin One');
  });

  it('disables a user and replaces a token', async () => {
    const user = JSON.parse(
      (await cli(['users', 'add', 'PS Review', '--role', 'reviewer', '--data-dir', dir])).out,
    ) as { id: string; token: string };
    const replaced = JSON.parse(
      (await cli(['users', 'token', user.id, '--data-dir', dir])).out,
    ) as { token: string };
    expect(replaced.token).not.toBe(user.token);
    const store = openSqliteStore(dir);
    try {
      await expect(authenticate(store, user.token)).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      expect((await authenticate(store, replaced.token)).user.id).toBe(user.id);
    } finally {
      await store.close();
    }
    expect((await cli(['users', 'disable', user.id, '--data-dir', dir])).code).toBe(0);
    const again = openSqliteStore(dir);
    try {
      await expect(authenticate(again, replaced.token)).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    } finally {
      await again.close();
    }
  });

  it('refuses an unknown role and a duplicate name with exit 2', async () => {
    expect((await cli(['users', 'add', 'X', '--role', 'superuser', '--data-dir', dir])).code).toBe(
      2,
    );
    expect((await cli(['users', 'add', 'X', '--role', 'admin', '--data-dir', dir])).code).toBe(0);
    const dup = await cli(['users', 'add', 'X', '--role', 'admin', '--data-dir', dir]);
    expect(dup.code).toBe(2);
    expect(dup.err).toContain('conflict');
  });

  it('records user changes made at the CLI as the operator, and verifies the chain', async () => {
    await cli(['users', 'add', 'Auditor One', '--role', 'auditor', '--data-dir', dir]);
    const events = await cli(['audit', 'events', '--data-dir', dir]);
    const lines = events.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; actor: { kind: string } });
    expect(lines[0]).toMatchObject({ action: 'user.created', actor: { kind: 'operator' } });
    const verify = await cli(['audit', 'verify', '--data-dir', dir]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, events: 2 });
  });

  it('reports configuration problems with exit 2', async () => {
    const bad = await cli(['users', 'list', '--data-dir', dir], {
      CHATSCREEN_RUN_CONCURRENCY: 'many',
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('CHATSCREEN_RUN_CONCURRENCY');
  });
});
