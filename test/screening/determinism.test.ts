import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MessageScreening } from '../../src/domain/index.js';
import {
  type Classifier,
  listModelPackages,
  loadModelPackage,
  openPackageClassifier,
  type VerifiedPackage,
} from '../../src/screening/index.js';
import { determinismCorpus } from './fixtures/corpus.js';
import { buildTinyHfPackage, type TinyTask } from './fixtures/tiny-hf.js';

/**
 * Auditors replay runs: the same package and text must give the same bits whatever the batch
 * size, the text's position in its batch, the number of workers, and the classifier instance.
 * Runs over the tiny Hugging Face models built here and every package installed in models/,
 * so the shipped model is covered as soon as it is committed.
 */

const scratch = await mkdtemp(join(tmpdir(), 'chatscreen-determinism-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function tiny(task: TinyTask): Promise<VerifiedPackage> {
  const dir = join(scratch, task);
  await buildTinyHfPackage(dir, { task });
  return loadModelPackage(dir);
}

const installed = (await listModelPackages(new URL('../../models', import.meta.url).pathname))
  .filter((entry) => entry.ok)
  .map((entry) => ({
    name: `installed package ${entry.name}`,
    load: () => loadModelPackage(entry.dir),
  }));

const packages: { name: string; load: () => Promise<VerifiedPackage> }[] = [
  { name: 'tiny huggingface token classifier', load: () => tiny('token-classification') },
  { name: 'tiny huggingface sequence classifier', load: () => tiny('sequence-classification') },
  ...installed,
];

/** Every number as the hex of its IEEE-754 double: equality of these is bit equality. */
function bits(results: readonly MessageScreening[]): string[] {
  const hex = (n: number) => Buffer.from(new Float64Array([n]).buffer).toString('hex');
  return results.map((result) =>
    JSON.stringify(result, (_key, value: unknown) =>
      typeof value === 'number' ? hex(value) : value,
    ),
  );
}

async function withClassifier<T>(
  pkg: VerifiedPackage,
  options: { workers: number; batchSize: number },
  use: (classifier: Classifier) => Promise<T>,
): Promise<T> {
  const classifier = await openPackageClassifier(pkg, options);
  try {
    return await use(classifier);
  } finally {
    await classifier.close();
  }
}

const corpus = determinismCorpus(150);

describe.each(packages)('bit-identical replay: $name', ({ load }) => {
  it('gives the same bits whatever the batch size, position, worker count or instance', async () => {
    const pkg = await load();
    const reference = await withClassifier(pkg, { workers: 1, batchSize: 1 }, async (c) =>
      bits(await c.screen(corpus)),
    );
    // Not vacuous: the corpus makes the model flag something.
    expect(reference.some((line) => line.includes('"category"'))).toBe(true);

    const sevens = await withClassifier(pkg, { workers: 2, batchSize: 7 }, async (c) =>
      bits(await c.screen(corpus)),
    );
    expect(sevens).toEqual(reference);

    await withClassifier(pkg, { workers: 3, batchSize: 64 }, async (c) => {
      expect(bits(await c.screen(corpus))).toEqual(reference);
      // Other positions in other batches: reversed, and rotated by 13.
      const reversed = bits(await c.screen([...corpus].reverse()));
      expect(reversed.reverse()).toEqual(reference);
      const rotated = bits(await c.screen([...corpus.slice(13), ...corpus.slice(0, 13)]));
      expect([...rotated.slice(-13), ...rotated.slice(0, -13)]).toEqual(reference);
      // The same text many times in one batch, and alone.
      const text = corpus[4] ?? '';
      const many = bits(await c.screen(Array.from({ length: 64 }, () => text)));
      expect(new Set(many)).toEqual(new Set([reference[4]]));
      expect(bits(await c.screen([text]))).toEqual([reference[4]]);
    });

    // A second, separate instance (new workers, new sessions).
    const again = await withClassifier(pkg, { workers: 2, batchSize: 7 }, async (c) =>
      bits(await c.screen(corpus)),
    );
    expect(again).toEqual(reference);
  });
});
