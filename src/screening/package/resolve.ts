import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ChatscreenError } from '../../domain/index.js';
import type { VerifiedPackage } from '../scorer.js';
import { listModelPackages } from './list.js';
import { loadModelPackage } from './load.js';

/**
 * The file in the models folder that names the default model: one line, the model id. Written by
 * whoever ships models (`npm run train` for the project's own); a deployment can instead pass
 * `defaultId` (configuration) which takes precedence over the file.
 */
export const DEFAULT_MODEL_POINTER = 'DEFAULT';

const MODEL_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export interface ResolveModelOptions {
  /** The configured default model id, used when no id is asked for. */
  defaultId?: string | undefined;
}

export interface ResolvedModel {
  id: string;
  /** Absolute path of models/<id>/. */
  dir: string;
  /** How the id was chosen, for messages and logs. */
  source: 'requested' | 'configured' | 'pointer' | 'only-installed';
}

async function readPointer(modelsDir: string): Promise<string | null> {
  const text = await readFile(join(modelsDir, DEFAULT_MODEL_POINTER), 'utf8').catch(() => null);
  const id = text?.trim() ?? '';
  return id === '' ? null : id;
}

function checked(id: string, modelsDir: string, source: ResolvedModel['source']): ResolvedModel {
  if (!MODEL_ID.test(id)) {
    throw new ChatscreenError('model_not_found', `"${id}" is not a model id`, {
      option: '--model',
    });
  }
  return { id, dir: join(modelsDir, id), source };
}

/**
 * Which package folder to load: the requested id; else the configured default; else the id in
 * `<modelsDir>/DEFAULT`; else the only package installed. Does not verify the package
 * (`loadModelPackage` does), so a missing folder surfaces as model_not_found there.
 */
export async function resolveModel(
  modelsDir: string,
  id?: string,
  options: ResolveModelOptions = {},
): Promise<ResolvedModel> {
  const root = resolve(modelsDir);
  if (id !== undefined) return checked(id, root, 'requested');
  if (options.defaultId !== undefined) return checked(options.defaultId, root, 'configured');
  const pointer = await readPointer(root);
  if (pointer !== null) return checked(pointer, root, 'pointer');
  const installed = (await listModelPackages(root)).filter((entry) => entry.ok);
  const only = installed[0];
  if (installed.length === 1 && only !== undefined)
    return checked(only.name, root, 'only-installed');
  throw new ChatscreenError(
    'model_not_found',
    installed.length === 0
      ? `no model package in ${root}`
      : `${installed.length} model packages in ${root} and no default: name one, or write its id to ${DEFAULT_MODEL_POINTER}`,
    { option: '--model' },
  );
}

/**
 * Resolves and fully verifies a model package by id (or the default), refusing a folder whose
 * manifest id is not its name: the id users pass must be the id that travels with every flag.
 */
export async function loadModel(
  modelsDir: string,
  modelId?: string,
  options: ResolveModelOptions = {},
): Promise<VerifiedPackage> {
  const resolved = await resolveModel(modelsDir, modelId, options);
  const pkg = await loadModelPackage(resolved.dir);
  if (pkg.manifest.id !== resolved.id) {
    throw new ChatscreenError(
      'model_package_invalid',
      `folder "${resolved.id}" holds a package whose manifest id is "${pkg.manifest.id}"`,
    );
  }
  return pkg;
}
