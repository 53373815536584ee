import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The service's configuration, read once from the environment at start-up (GUIDE §2). Every
 * problem is reported at once, one line each, before anything starts.
 */

/** The repository's models/ folder, from src/ (tsx) and from dist/ (built) alike. */
export const SHIPPED_MODELS_DIR = fileURLToPath(new URL('../models/', import.meta.url));

const MIB = 1024 * 1024;

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  PORT: integer(0, 65535).default(8080),
  /** Loopback by default: evidence is not served to the network unless someone decides to. */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  CHATSCREEN_DATA_DIR: z.string().trim().min(1).default('./.chatscreen'),
  CHATSCREEN_MODELS_DIR: z.string().trim().min(1).optional(),
  CHATSCREEN_DEFAULT_MODEL: z.string().trim().min(1).optional(),
  CHATSCREEN_MAX_UPLOAD_BYTES: integer(1, 64 * 1024 * MIB).default(1024 * MIB),
  CHATSCREEN_RUN_CONCURRENCY: integer(1, 64).default(2),
  CHATSCREEN_RUN_BATCH_SIZE: integer(1, 100_000).default(256),
  /** Inference worker threads per open model; default: the machine's parallelism. */
  CHATSCREEN_WORKERS: integer(1, 256).optional(),
  CHATSCREEN_CONTEXT_MESSAGES: integer(0, 200).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * PostgreSQL. Absent: embedded SQLite in the data directory and in-process workers; present:
   * the PostgreSQL store and graphile-worker jobs that any number of `chatscreen worker`
   * processes take (the data directory then only holds the kept exports).
   */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** The schema for chatscreen's tables; graphile-worker's is this name + `_jobs`. */
  CHATSCREEN_PG_SCHEMA: z
    .string()
    .trim()
    .regex(
      /^[a-z_][a-z0-9_]{0,57}$/,
      'must be a lower-case SQL identifier of at most 58 characters',
    )
    .default('chatscreen'),
  /** Connections per process in the store's pool. */
  CHATSCREEN_PG_POOL_SIZE: integer(1, 1000).default(8),
  /** How often workers look for batches held by workers whose process died (milliseconds). */
  CHATSCREEN_SWEEP_MS: integer(50, 3_600_000).default(5000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  modelsDir: string;
  defaultModelId: string | undefined;
  maxUploadBytes: number;
  runConcurrency: number;
  runBatchSize: number;
  workers: number;
  contextMessages: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  databaseUrl: string | undefined;
  pgSchema: string;
  pgPoolSize: number;
  sweepMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (or any record of strings); throws ConfigError listing every problem. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
): Readonly<Config> {
  // Empty strings mean "unset", as they do in most shells' `VAR= cmd`.
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => key in envSchema.shape && value !== undefined && value !== '',
    ),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const abs = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: abs(e.CHATSCREEN_DATA_DIR),
    modelsDir:
      e.CHATSCREEN_MODELS_DIR === undefined ? SHIPPED_MODELS_DIR : abs(e.CHATSCREEN_MODELS_DIR),
    defaultModelId: e.CHATSCREEN_DEFAULT_MODEL,
    maxUploadBytes: e.CHATSCREEN_MAX_UPLOAD_BYTES,
    runConcurrency: e.CHATSCREEN_RUN_CONCURRENCY,
    runBatchSize: e.CHATSCREEN_RUN_BATCH_SIZE,
    workers: e.CHATSCREEN_WORKERS ?? Math.max(1, availableParallelism()),
    contextMessages: e.CHATSCREEN_CONTEXT_MESSAGES,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    pgSchema: e.CHATSCREEN_PG_SCHEMA,
    pgPoolSize: e.CHATSCREEN_PG_POOL_SIZE,
    sweepMs: e.CHATSCREEN_SWEEP_MS,
  });
}
