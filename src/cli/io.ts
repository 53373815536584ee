import type { Writable } from 'node:stream';
import type { Command } from 'commander';

/** The streams and environment a command runs with; tests pass their own. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Exit codes the CLI promises (README): 0 success, 1 internal failure, 2 unusable input or usage. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

/** Registers one subcommand on the program; its action reports its exit code through `setExitCode`. */
export type CommandRegistrar = (
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
) => void;
