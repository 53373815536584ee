import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ConfigError, loadConfig } from '../../src/config.js';

function io(env: Record<string, string> = {}) {
  let err = '';
  const sink = (into: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        into(chunk.toString('utf8'));
        callback();
      },
    });
  return {
    io: { stdout: sink(() => {}), stderr: sink((t) => (err += t)), env, cwd: '/tmp' },
    stderr: () => err,
  };
}

describe('scale-out configuration', () => {
  it('defaults to SQLite, and names the PostgreSQL schema, pool and sweep', () => {
    expect(loadConfig({}, '/srv')).toMatchObject({
      databaseUrl: undefined,
      pgSchema: 'chatscreen',
      pgPoolSize: 8,
      sweepMs: 5000,
    });
    expect(
      loadConfig(
        {
          DATABASE_URL: 'postgresql://db:5432/x',
          CHATSCREEN_PG_SCHEMA: 'case_work',
          CHATSCREEN_PG_POOL_SIZE: '3',
          CHATSCREEN_SWEEP_MS: '250',
        },
        '/srv',
      ),
    ).toMatchObject({ pgSchema: 'case_work', pgPoolSize: 3, sweepMs: 250 });
  });

  it('refuses a schema that is not a plain lower-case identifier', () => {
    for (const bad of ['Chat', 'a-b', 'x;drop', '1abc', 'a'.repeat(59)]) {
      const error = (() => {
        try {
          loadConfig({ CHATSCREEN_PG_SCHEMA: bad });
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(/CHATSCREEN_PG_SCHEMA/);
    }
  });
});

describe('scale-out commands', () => {
  it('refuses `worker` without DATABASE_URL, saying why', async () => {
    const { io: cli, stderr } = io({ DATABASE_URL: '' });
    expect(await runCli(['worker'], cli)).toBe(2);
    expect(stderr()).toMatch(/worker needs DATABASE_URL/);
  });

  it('refuses a job count that is not a whole number', async () => {
    const serve = io();
    expect(await runCli(['serve', '--workers', 'many'], serve.io)).toBe(2);
    expect(serve.stderr()).toMatch(/--workers must be a whole number from 0/);
    const worker = io({ DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(await runCli(['worker', '--concurrency', '0'], worker.io)).toBe(2);
    expect(worker.stderr()).toMatch(/--concurrency must be a whole number from 1/);
  });
});
