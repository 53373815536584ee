import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ChatscreenError } from '../../domain/index.js';
import { hashFile } from '../../lib/sha256.js';
import type { VerifiedPackage } from '../scorer.js';
import { listPackageFiles } from './list-files.js';
import { type ModelManifest, manifestSchema } from './manifest.js';
import { checkPackagePath, MANIFEST_FILE } from './package-paths.js';

function invalid(detail: string, cause?: unknown): ChatscreenError {
  return new ChatscreenError('model_package_invalid', detail, cause === undefined ? {} : { cause });
}

async function readManifestBytes(dir: string): Promise<Buffer> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new ChatscreenError('model_not_found', `no model package folder at ${dir}`);
  }
  try {
    return await readFile(join(dir, MANIFEST_FILE));
  } catch (error) {
    throw invalid(`${MANIFEST_FILE} is missing or unreadable in ${dir}`, error);
  }
}

/** Parses and validates manifest.json; the detail names the offending fields, never values. */
export function parseManifest(bytes: Uint8Array): ModelManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw invalid(`${MANIFEST_FILE} is not valid UTF-8 JSON`, error);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw invalid(`${MANIFEST_FILE} does not match the manifest schema (${problems})`);
  }
  for (const path of Object.keys(parsed.data.files)) checkPackagePath(path);
  return parsed.data;
}

/** Every listed file present with its size and SHA-256, and nothing unlisted beside them. */
async function verifyFiles(dir: string, manifest: ModelManifest): Promise<void> {
  const present = await listPackageFiles(dir);
  const listed = new Set(Object.keys(manifest.files));
  const unlisted = present.filter((path) => path !== MANIFEST_FILE && !listed.has(path));
  if (unlisted.length > 0) {
    throw invalid(`"${unlisted[0]}" is in the package but not listed in ${MANIFEST_FILE}`);
  }
  const presentSet = new Set(present);
  for (const [path, expected] of Object.entries(manifest.files).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    if (!presentSet.has(path)) throw invalid(`"${path}" is listed in ${MANIFEST_FILE} but missing`);
    const size = (await stat(join(dir, path))).size;
    if (size !== expected.bytes) {
      throw invalid(`"${path}" has ${size} bytes, ${MANIFEST_FILE} says ${expected.bytes}`);
    }
    // Streamed: a third-party model file can be hundreds of MB.
    const digest = await hashFile(join(dir, path));
    if (digest.sha256 !== expected.sha256) {
      throw invalid(`"${path}" has been altered: its SHA-256 does not match ${MANIFEST_FILE}`);
    }
  }
}

/**
 * Loads a model package folder and verifies it completely: the manifest against its schema, then
 * every listed file's size and SHA-256, refusing missing, unlisted or escaping files. The package
 * identity (`ref.sha256`) is the SHA-256 of the manifest bytes, which pin everything else.
 */
export async function loadModelPackage(dir: string): Promise<VerifiedPackage> {
  const absolute = resolve(dir);
  const bytes = await readManifestBytes(absolute);
  const manifest = parseManifest(bytes);
  await verifyFiles(absolute, manifest);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { dir: absolute, manifest, ref: { id: manifest.id, sha256 } };
}
