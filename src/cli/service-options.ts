import { userInfo } from 'node:os';
import { type Config, ConfigError, loadConfig } from '../config.js';
import type { Actor } from '../domain/index.js';
import { ChatscreenError } from '../domain/index.js';
import type { CliIo } from './io.js';

/** Options every store-touching command shares; flags win over the environment. */
export interface StoreOptions {
  dataDir?: string;
  port?: string;
  host?: string;
  modelsDir?: string;
}

export function serviceConfig(io: CliIo, options: StoreOptions): Readonly<Config> {
  const env: Record<string, string | undefined> = { ...io.env };
  if (options.dataDir !== undefined) env.CHATSCREEN_DATA_DIR = options.dataDir;
  if (options.port !== undefined) env.PORT = options.port;
  if (options.host !== undefined) env.HOST = options.host;
  if (options.modelsDir !== undefined) env.CHATSCREEN_MODELS_DIR = options.modelsDir;
  try {
    return loadConfig(env, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new ChatscreenError('invalid_option', error.problems.join('; '));
    }
    throw error;
  }
}

/** Whoever runs the CLI holds the data directory; audit events name their OS account. */
export function operatorActor(): Actor {
  let osUser = 'unknown';
  try {
    osUser = userInfo().username;
  } catch {
    // Containers may run as a uid without a passwd entry.
  }
  return { kind: 'operator', userId: null, role: null, osUser };
}

export const DATA_DIR_FLAG = '--data-dir <dir>';
export const DATA_DIR_HELP = 'data directory (default: $CHATSCREEN_DATA_DIR or ./.chatscreen)';
