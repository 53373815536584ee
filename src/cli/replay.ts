import { getReplay, startReplay } from '../audit/index.js';
import {
  executeRun,
  inProcessSignals,
  type JobQueue,
  type JobsContext,
  screeningCatalog,
} from '../jobs/index.js';
import { openConfiguredStore } from '../main.js';
import { type CommandRegistrar, EXIT_OK } from './io.js';
import { DATA_DIR_FLAG, DATA_DIR_HELP, operatorActor, serviceConfig } from './service-options.js';

/** The CLI runs the replay itself, in this process, instead of handing it to a server's queue. */
const NO_QUEUE: JobQueue = {
  enqueue() {},
  async start() {},
  async stop() {},
  async drain() {},
};

export const registerReplay: CommandRegistrar = (program, io, setExitCode) => {
  program
    .command('replay <runId>')
    .description(
      'screen a run again with the exact model package it recorded and print the difference',
    )
    .option(DATA_DIR_FLAG, DATA_DIR_HELP)
    .option(
      '--models-dir <dir>',
      'model packages (default: $CHATSCREEN_MODELS_DIR or the shipped models/)',
    )
    .option('--reason <text>', 'justification recorded in the audit log')
    .action(
      async (runId: string, options: { dataDir?: string; modelsDir?: string; reason?: string }) => {
        const config = serviceConfig(io, options);
        const store = openConfiguredStore(config);
        const catalog = screeningCatalog({
          modelsDir: config.modelsDir,
          defaultModelId: config.defaultModelId,
          workers: config.workers,
        });
        try {
          const ctx: JobsContext = {
            store,
            actor: operatorActor(),
            now: () => new Date(),
            justification: options.reason ?? null,
            catalog,
            queue: NO_QUEUE,
            runBatchSize: config.runBatchSize,
          };
          const started = await startReplay({ ctx, input: { runId } });
          await executeRun(
            { store, catalog, signals: inProcessSignals(), now: ctx.now },
            started.runId,
          );
          const replay = await getReplay({ ctx, input: { replayId: started.id } });
          io.stdout.write(`${JSON.stringify(replay)}\n`);
          io.stderr.write(
            `chatscreen: replay ${replay.id} ${replay.result?.identical === true ? 'is identical to' : 'differs from'} run ${runId}\n`,
          );
          setExitCode(EXIT_OK);
        } finally {
          await catalog.close();
          await store.close();
        }
      },
    );
};
