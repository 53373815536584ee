import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = ['--import', 'tsx', 'src/cli/entry.ts'];

/** Runs the real CLI (`chatscreen ...`) as a child process and collects its output. */
export function runCliProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...ENTRY, ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServerProcess extends CliProcess {
  url: string;
}

/** A long-running CLI process (`serve`, `worker`) and what it has written so far. */
export interface CliProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout (pino JSON lines). */
  logs(): string;
  /** Everything it wrote to stderr (the CLI's own lines), for failure messages. */
  errors(): string;
  /** SIGTERM and wait: the graceful path. */
  stop(): Promise<void>;
  /** SIGKILL and wait: the crash. */
  kill(): Promise<void>;
}

/** Starts `chatscreen ARGS` and resolves once its stderr matches `ready` (with the match). */
export function startCliProcess(
  args: readonly string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ process: CliProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...ENTRY, ...args], {
      cwd: REPO,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let started = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stopWith = async (signal: NodeJS.Signals) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      const match = started ? null : ready.exec(err);
      if (match !== null) {
        started = true;
        const cli: CliProcess = {
          child,
          logs: () => out,
          errors: () => err,
          stop: () => stopWith('SIGTERM'),
          kill: () => stopWith('SIGKILL'),
        };
        resolve({ process: cli, match });
      }
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited early (${code}): ${err}`)));
  });
}

/** Starts `chatscreen serve --port 0` and resolves with its URL once it listens. */
export async function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
  args: readonly string[] = [],
): Promise<ServerProcess> {
  const { process: server, match } = await startCliProcess(
    ['serve', '--port', '0', '--data-dir', dataDir, ...args],
    env,
    /listening on (http:\/\/\S+)/,
  );
  return { url: match[1] ?? '', ...server };
}

/** A small JSON client for the real server. */
export function client(url: string, token: string) {
  return async function call<T>(
    method: string,
    path: string,
    options: { json?: unknown; body?: FormData; justification?: string } = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (options.justification !== undefined) headers['x-justification'] = options.justification;
    let body: NonNullable<RequestInit['body']> | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = body;
    const response = await fetch(`${url}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
  };
}

export async function addUser(
  dataDir: string,
  name: string,
  role: string,
  env: Record<string, string> = {},
): Promise<{ id: string; token: string }> {
  const result = await runCliProcess(
    ['users', 'add', name, '--role', role, '--data-dir', dataDir],
    env,
  );
  if (result.code !== 0) throw new Error(`users add failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { id: string; token: string };
}
