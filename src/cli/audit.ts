import { listAuditEvents, parseAnchors, verifyChain } from '../audit/index.js';
import { openConfiguredStore } from '../main.js';
import { type CommandRegistrar, EXIT_OK, EXIT_USAGE } from './io.js';
import { DATA_DIR_FLAG, DATA_DIR_HELP, operatorActor, serviceConfig } from './service-options.js';

export const registerAudit: CommandRegistrar = (program, io, setExitCode) => {
  const audit = program.command('audit').description('the tamper-evident audit log');

  audit
    .command('verify')
    .description(
      'check the hash chain; exit 0 when intact, 2 when an event was edited, deleted or reordered',
    )
    .option(DATA_DIR_FLAG, DATA_DIR_HELP)
    .option(
      '--anchor <seq:hash...>',
      'a head written down earlier (headSeq:headHash): the chain must still hold it',
    )
    .action(async (options: { dataDir?: string; anchor?: string[] }) => {
      const anchors = parseAnchors((options.anchor ?? []).join(','), { option: '--anchor' });
      const config = serviceConfig(
        io,
        options.dataDir === undefined ? {} : { dataDir: options.dataDir },
      );
      const store = openConfiguredStore(config);
      try {
        const result = await verifyChain(store, anchors);
        io.stdout.write(`${JSON.stringify(result)}\n`);
        if (!result.ok) {
          io.stderr.write(
            `chatscreen: audit chain broken at event ${result.firstBrokenAt} (${result.problem})\n`,
          );
        }
        setExitCode(result.ok ? EXIT_OK : EXIT_USAGE);
      } finally {
        await store.close();
      }
    });

  audit
    .command('events')
    .description('print events as JSON lines (the reading is itself audited)')
    .option(DATA_DIR_FLAG, DATA_DIR_HELP)
    .option('--case <caseId>', 'only this case')
    .option('--after <seq>', 'start after this event', '0')
    .option('--limit <n>', 'at most this many', '1000')
    .action(async (options: { dataDir?: string; case?: string; after: string; limit: string }) => {
      const config = serviceConfig(
        io,
        options.dataDir === undefined ? {} : { dataDir: options.dataDir },
      );
      const store = openConfiguredStore(config);
      try {
        const page = await listAuditEvents({
          ctx: { store, actor: operatorActor(), now: () => new Date(), justification: null },
          input: {
            caseId: options.case,
            afterSeq: Math.max(0, Number.parseInt(options.after, 10) || 0),
            limit: Math.min(100_000, Math.max(1, Number.parseInt(options.limit, 10) || 1000)),
          },
        });
        for (const event of page.items) io.stdout.write(`${JSON.stringify(event)}\n`);
        setExitCode(EXIT_OK);
      } finally {
        await store.close();
      }
    });
};
