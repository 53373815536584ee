import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SHIPPED_MODELS_DIR } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('has working defaults and returns a frozen object', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: join('/srv/app', '.chatscreen'),
      modelsDir: SHIPPED_MODELS_DIR,
      maxUploadBytes: 1024 * 1024 * 1024,
      runConcurrency: 2,
      runBatchSize: 256,
      contextMessages: 5,
      logLevel: 'info',
      databaseUrl: undefined,
    });
    expect(config.workers).toBeGreaterThanOrEqual(1);
    expect(Object.isFrozen(config)).toBe(true);
    expect(SHIPPED_MODELS_DIR.endsWith('/models/')).toBe(true);
  });

  it('reads every setting, resolving relative paths against the working directory', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        CHATSCREEN_DATA_DIR: 'data',
        CHATSCREEN_MODELS_DIR: '/opt/models',
        CHATSCREEN_DEFAULT_MODEL: 'span-ngram-v1',
        CHATSCREEN_MAX_UPLOAD_BYTES: '1000',
        CHATSCREEN_RUN_CONCURRENCY: '4',
        CHATSCREEN_RUN_BATCH_SIZE: '64',
        CHATSCREEN_WORKERS: '3',
        CHATSCREEN_CONTEXT_MESSAGES: '2',
        LOG_LEVEL: 'warn',
        DATABASE_URL: 'postgres://127.0.0.1:5432/test',
        UNRELATED: 'ignored',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/srv/app/data',
      modelsDir: '/opt/models',
      defaultModelId: 'span-ngram-v1',
      maxUploadBytes: 1000,
      runConcurrency: 4,
      runBatchSize: 64,
      workers: 3,
      contextMessages: 2,
      logLevel: 'warn',
      databaseUrl: 'postgres://127.0.0.1:5432/test',
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', CHATSCREEN_DATA_DIR: '' }, '/x')).toMatchObject({
      port: 8080,
      dataDir: '/x/.chatscreen',
    });
  });

  it('lists every problem at once, readably', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        CHATSCREEN_RUN_CONCURRENCY: '0',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT: must be a whole number/);
    expect(problems.join('\n')).toMatch(/CHATSCREEN_RUN_CONCURRENCY/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect((error as Error).message).toContain('invalid configuration:\n  - ');
  });
});
