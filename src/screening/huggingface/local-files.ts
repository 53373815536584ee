import { dirname, relative, sep } from 'node:path';
import { env, LogLevel } from '@huggingface/transformers';
import { ChatscreenError } from '../../domain/index.js';
import { readVerifiedFile } from '../package/verified-read.js';
import type { VerifiedPackage } from '../scorer.js';

/**
 * transformers.js reads model files itself. To keep it strictly local and make it use exactly the
 * bytes that were verified, every file of the package is read and checked here, and served to it
 * through `env.customCache`, which it consults before the file system; remote loading, the file
 * and browser caches and `fetch` are switched off. A file the package does not list is never
 * served (transformers.js then sees it as absent).
 */
const served = new Map<string, Map<string, Uint8Array>>();

function lookup(request: string): Uint8Array | undefined {
  for (const [dir, files] of served) {
    const inside = relative(dir, request);
    if (!inside.startsWith('..') && !inside.startsWith(sep)) {
      const exact = files.get(inside.split(sep).join('/'));
      if (exact) return exact;
    }
    // A cache key can also be the would-be remote URL: ".../<dir>/resolve/main/<file>".
    for (const [path, bytes] of files) {
      if (request.endsWith(`/resolve/main/${path}`) && request.includes(dir.replace(/^\//, ''))) {
        return bytes;
      }
    }
  }
  return undefined;
}

let configured = false;

function configureEnvironment(): void {
  if (configured) return;
  configured = true;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useBrowserCache = false;
  env.useFSCache = false;
  env.useCustomCache = true;
  env.logLevel = LogLevel.ERROR;
  env.fetch = () => Promise.reject(new Error('chatscreen never fetches model files'));
  env.customCache = {
    match: async (request: string) => {
      const bytes = lookup(request);
      if (bytes === undefined) return undefined;
      return new Response(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        headers: { 'content-length': String(bytes.byteLength) },
      });
    },
    put: async () => undefined,
  };
}

/**
 * Makes the package's verified files available to transformers.js until the returned release
 * function is called (after loading: the runtime keeps its own copies).
 */
export async function serveVerifiedFiles(pkg: VerifiedPackage): Promise<() => void> {
  configureEnvironment();
  env.localModelPath = `${dirname(pkg.dir)}${sep}`;
  const files = new Map<string, Uint8Array>();
  for (const path of Object.keys(pkg.manifest.files)) {
    files.set(path, await readVerifiedFile(pkg, path));
  }
  served.set(pkg.dir, files);
  return () => {
    served.delete(pkg.dir);
  };
}

/** A file of the package as JSON, from the verified bytes. */
export async function readPackageJson(pkg: VerifiedPackage, path: string): Promise<unknown> {
  const bytes = await readVerifiedFile(pkg, path);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ChatscreenError('model_package_invalid', `"${path}" is not valid JSON`, {
      cause: error,
    });
  }
}

/** What a huggingface package must hold besides manifest.json (transformers.js layout, fp32). */
export const REQUIRED_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model.onnx',
] as const;
