import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listModelPackages, resolveModel } from '../../../src/screening/index.js';
import { buildTinyHfPackage } from '../../screening/fixtures/tiny-hf.js';

export const SHIPPED_MODELS = fileURLToPath(new URL('../../../models/', import.meta.url));

export interface ModelsForTest {
  /** Folder to pass as CHATSCREEN_MODELS_DIR. */
  dir: string;
  /** Whether this is the shipped, trained model or the tiny package built for tests. */
  shipped: boolean;
  /** Texts the model flags, for fixtures. */
  abusive: string[];
}

/**
 * The real screening runtime always; the shipped model when models/ has one, otherwise the tiny
 * Hugging Face package the screening tests build (real ONNX inference in worker threads).
 */
export async function modelsForTest(scratch: string): Promise<ModelsForTest> {
  const installed = (await listModelPackages(SHIPPED_MODELS)).filter((entry) => entry.ok);
  const resolved = await resolveModel(SHIPPED_MODELS).catch(() => null);
  if (installed.length > 0 && resolved !== null) {
    return {
      dir: SHIPPED_MODELS,
      shipped: true,
      abusive: ['you are a stupid idiot', 'shut up you moron', 'I hate muslims, they are vermin'],
    };
  }
  const dir = join(scratch, 'models');
  await mkdir(dir, { recursive: true });
  await buildTinyHfPackage(join(dir, 'tiny-hf-token'), {
    task: 'token-classification',
    id: 'tiny-hf-token',
  });
  return { dir, shipped: false, abusive: ['you are an idiot', 'shut up moron', 'i hate muslims'] };
}
