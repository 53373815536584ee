import { createWorker } from '../main.js';
import { type CommandRegistrar, EXIT_OK } from './io.js';
import { parseJobSlots } from './job-slots.js';
import { untilSignal } from './serve.js';
import { serviceConfig } from './service-options.js';

/**
 * `chatscreen worker`: screens batches of runs from the PostgreSQL database (DATABASE_URL), on
 * any number of machines at once. Needs the models folder, not the data directory: runs read
 * messages from the database, never the kept export files.
 */
export const registerWorker: CommandRegistrar = (program, io, setExitCode) => {
  program
    .command('worker')
    .description('screen runs batch by batch from the PostgreSQL job queue (needs DATABASE_URL)')
    .option(
      '--concurrency <n>',
      'batches screened at once by this process (default: $CHATSCREEN_RUN_CONCURRENCY or 2)',
    )
    .option(
      '--models-dir <dir>',
      'model packages (default: $CHATSCREEN_MODELS_DIR or the shipped models/)',
    )
    .action(async (options: { concurrency?: string; modelsDir?: string }) => {
      const config = serviceConfig(
        io,
        options.modelsDir === undefined ? {} : { modelsDir: options.modelsDir },
      );
      const concurrency =
        options.concurrency === undefined
          ? config.runConcurrency
          : parseJobSlots(options.concurrency, '--concurrency', 1);
      const worker = await createWorker(config, concurrency);
      try {
        await worker.start();
        io.stderr.write(`chatscreen: worker ready (${concurrency} batches at once)\n`);
        await untilSignal();
        io.stderr.write('chatscreen: stopping (batches under way finish or are retried)\n');
      } finally {
        await worker.close();
      }
      setExitCode(EXIT_OK);
    });
};
