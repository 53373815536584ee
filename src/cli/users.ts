import {
  type ActionContext,
  createUser,
  disableUser,
  issueToken,
  listUsers,
} from '../access/index.js';
import { ChatscreenError, isRole, ROLES } from '../domain/index.js';
import { openConfiguredStore } from '../main.js';
import type { Store } from '../store/index.js';
import { type CliIo, type CommandRegistrar, EXIT_OK } from './io.js';
import { DATA_DIR_FLAG, DATA_DIR_HELP, operatorActor, serviceConfig } from './service-options.js';

async function withOperator<T>(
  io: CliIo,
  dataDir: string | undefined,
  work: (ctx: ActionContext) => Promise<T>,
): Promise<T> {
  const config = serviceConfig(io, dataDir === undefined ? {} : { dataDir });
  const store: Store = openConfiguredStore(config);
  try {
    return await work({
      store,
      actor: operatorActor(),
      now: () => new Date(),
      justification: null,
    });
  } finally {
    await store.close();
  }
}

export const registerUsers: CommandRegistrar = (program, io, setExitCode) => {
  const users = program
    .command('users')
    .description('manage users and their tokens (works on the data directory directly)');

  users
    .command('add <name>')
    .description('create a user and print their token once')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option(DATA_DIR_FLAG, DATA_DIR_HELP)
    .action(async (name: string, options: { role: string; dataDir?: string }) => {
      const { role } = options;
      if (!isRole(role)) {
        throw new ChatscreenError('invalid_option', `--role must be one of ${ROLES.join(', ')}`, {
          option: '--role',
        });
      }
      const { user, token } = await withOperator(io, options.dataDir, (ctx) =>
        createUser({ ctx, input: { name, role } }),
      );
      io.stdout.write(
        `${JSON.stringify({ id: user.id, name: user.name, role: user.role, token })}\n`,
      );
      io.stderr.write('chatscreen: the token is shown only this once; it is stored hashed\n');
      setExitCode(EXIT_OK);
    });

  users
    .command('list')
    .description('one JSON line per user (no tokens)')
    .option(DATA_DIR_FLAG, DATA_DIR_HELP)
    .action(async (options: { dataDir?: string }) => {
      const all = await withOperator(io, options.dataDir, (ctx) => listUsers({ ctx }));
      for (const user of all) io.stdout.write(`${JSON.stringify(user)}\n`);
      setExitCode(EXIT_OK);
    });

  users
    .command('disable <userId>')
    .description('disable a user: their token stops working at once')
    .option(DATA_DIR_FLAG, DATA_DIR_HELP)
    .action(async (userId: string, options: { dataDir?: string }) => {
      const user = await withOperator(io, options.dataDir, (ctx) =>
        disableUser({ ctx, input: { userId } }),
      );
      io.stdout.write(`${JSON.stringify(user)}\n`);
      setExitCode(EXIT_OK);
    });

  users
    .command('token <userId>')
    .description("replace a user's token and print the new one once")
    .option(DATA_DIR_FLAG, DATA_DIR_HELP)
    .action(async (userId: string, options: { dataDir?: string }) => {
      const { user, token } = await withOperator(io, options.dataDir, (ctx) =>
        issueToken({ ctx, input: { userId } }),
      );
      io.stdout.write(
        `${JSON.stringify({ id: user.id, name: user.name, role: user.role, token })}\n`,
      );
      setExitCode(EXIT_OK);
    });
};
