import { Command, CommanderError } from 'commander';
import { isChatscreenError } from '../domain/index.js';
import { registerAudit } from './audit.js';
import { type CliIo, type CommandRegistrar, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './io.js';
import { registerParse } from './parse.js';
import { registerReplay } from './replay.js';
import { registerScore } from './score.js';
import { registerScreen } from './screen.js';
import { registerServe } from './serve.js';
import { registerTrain } from './train.js';
import { registerUsers } from './users.js';
import { registerWorker } from './worker.js';

/** Every subcommand, in the order `--help` lists them. Each lives in its own file. */
const registrars: CommandRegistrar[] = [
  registerParse,
  registerScreen,
  registerScore,
  registerServe,
  registerWorker,
  registerUsers,
  registerAudit,
  registerReplay,
  registerTrain,
];

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('chatscreen')
    .description('Screens chat exports for discriminatory and abusive language for human review.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  for (const register of registrars) register(program, io, setExitCode);
  return program;
}

/** Runs the CLI and resolves to the exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (isChatscreenError(error)) {
      io.stderr.write(`chatscreen: ${error.toOneLine()}\n`);
      return error.status >= 500 ? EXIT_INTERNAL : EXIT_USAGE;
    }
    io.stderr.write(
      `chatscreen: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_INTERNAL;
  }
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
