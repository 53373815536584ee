import { startServer } from '../main.js';
import type { CommandRegistrar } from './io.js';
import { EXIT_OK } from './io.js';
import { parseJobSlots } from './job-slots.js';
import { DATA_DIR_FLAG, DATA_DIR_HELP, serviceConfig } from './service-options.js';

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const handler = (signal: string) => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      resolve(signal);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

export const registerServe: CommandRegistrar = (program, io, setExitCode) => {
  program
    .command('serve')
    .description('run the HTTP service (API at /api, OpenAPI at /openapi.json)')
    .option('--port <n>', 'port (default: $PORT or 8080; 0 picks a free one)')
    .option('--host <address>', 'address to listen on (default: $HOST or 127.0.0.1)')
    .option(DATA_DIR_FLAG, DATA_DIR_HELP)
    .option(
      '--models-dir <dir>',
      'model packages (default: $CHATSCREEN_MODELS_DIR or the shipped models/)',
    )
    .option(
      '--workers <n>',
      'with DATABASE_URL: batches this process screens at once besides serving; 0 leaves screening to `chatscreen worker` (default: $CHATSCREEN_RUN_CONCURRENCY or 2)',
    )
    .action(
      async (options: {
        port?: string;
        host?: string;
        dataDir?: string;
        modelsDir?: string;
        workers?: string;
      }) => {
        const { workers, ...storeOptions } = options;
        const config = serviceConfig(io, storeOptions);
        const server = await startServer(
          config,
          workers === undefined ? {} : { jobWorkers: parseJobSlots(workers, '--workers', 0) },
        );
        io.stderr.write(`chatscreen: listening on ${server.url} (data in ${config.dataDir})\n`);
        const users = await server.service.deps.store.read((tx) => tx.users.list());
        if (users.length === 0) {
          io.stderr.write(
            'chatscreen: no users yet; create the first with `npm run chatscreen -- users add NAME --role admin` (or investigator, reviewer, auditor)\n',
          );
        }
        await untilSignal();
        io.stderr.write('chatscreen: stopping (unfinished runs resume on the next start)\n');
        await server.close();
        setExitCode(EXIT_OK);
      },
    );
};
