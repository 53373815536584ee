import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The URL of a module beside `importMetaUrl`, with the caller's own extension: `.js` when running
 * compiled from dist/, `.ts` when running from source under tsx or vitest.
 */
export function siblingModuleUrl(importMetaUrl: string, baseName: string): URL {
  const extension = new URL(importMetaUrl).pathname.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${baseName}${extension}`, importMetaUrl);
}

/**
 * Starts a worker thread on a module URL. Compiled `.js` modules start directly. A `.ts` module
 * (running from source under tsx or vitest) starts through a two-line bootstrap that registers
 * tsx's loader inside the worker and then imports it: on Node 20, `execArgv: ['--import', 'tsx']`
 * is not enough, because tsx installs its hooks only on the main thread there. tsx is resolved
 * to an absolute URL here so that it is found whatever the working directory.
 */
export function spawnWorker(moduleUrl: URL, options: WorkerOptions = {}): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, options);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = [
    `import(${JSON.stringify(tsxApi)})`,
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`,
  ].join('');
  return new Worker(bootstrap, { ...options, eval: true });
}
