import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Classifier,
  loadModelPackage,
  openPackageClassifier,
} from '../../src/screening/index.js';
import { buildTinyHfPackage, writeManifest } from './fixtures/tiny-hf.js';

let root: string;
let token: Classifier;
let sequence: Classifier;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chatscreen-hf-'));
  await buildTinyHfPackage(join(root, 'token'));
  await buildTinyHfPackage(join(root, 'sequence'), { task: 'sequence-classification' });
  token = await openPackageClassifier(await loadModelPackage(join(root, 'token')), { workers: 1 });
  sequence = await openPackageClassifier(await loadModelPackage(join(root, 'sequence')), {
    workers: 1,
  });
});

afterAll(async () => {
  await token?.close();
  await sequence?.close();
  await rm(root, { recursive: true, force: true });
});

const flagged = (text: string, spans: { start: number; end: number; category: string }[]) =>
  spans.map((span) => [text.slice(span.start, span.end), span.category, span.start, span.end]);

describe('huggingface token-classification packages', () => {
  it('flags a known word at its exact offsets, whatever its case', async () => {
    const text = 'You are an IDIOT!';
    const [result] = await token.screen([text]);
    expect(flagged(text, result?.spans ?? [])).toEqual([['IDIOT', 'insult', 11, 16]]);
    expect(result?.scores.insult).toBeGreaterThan(0.9);
    expect(result?.scores.any).toBeGreaterThanOrEqual(result?.scores.insult ?? 1);
  });

  it('counts offsets in UTF-16 code units after emoji, ZWJ sequences and combining marks', async () => {
    const text = '👩‍👩‍👧 e\u0301 🙂 you idiot';
    const [result] = await token.screen([text]);
    const start = text.indexOf('idiot');
    expect(flagged(text, result?.spans ?? [])).toEqual([['idiot', 'insult', start, start + 5]]);
  });

  it('widens a subword to the whole word and merges adjacent tokens of one label', async () => {
    const text = 'you idiots, i hate Muslims.';
    const [result] = await token.screen([text]);
    expect(flagged(text, result?.spans ?? [])).toEqual([
      ['idiots', 'insult', 4, 10],
      ['hate Muslims', 'religion', 14, 26],
    ]);
  });

  it('flags nothing in a friendly message and gives every category a score', async () => {
    const [result] = await token.screen(['hello friend, see you tomorrow at lunch']);
    expect(result?.spans).toEqual([]);
    expect(Object.keys(result?.scores ?? {}).sort()).toContain('any');
    expect(result?.scores.race).toBe(0);
    expect(result?.scores.insult).toBeLessThan(0.5);
  });

  it('applies the manifest thresholds unless minScore overrides them', async () => {
    const text = 'hello idiot';
    const [byDefault] = await token.screen([text]);
    const [strict] = await token.screen([text], { minScore: 0.99 });
    const [perCategory] = await token.screen([text], { minScore: { insult: 0.99 } });
    expect(byDefault?.spans).toHaveLength(1);
    expect(strict?.spans).toEqual([]);
    expect(perCategory?.spans).toEqual([]);
    expect(strict?.scores).toEqual(byDefault?.scores);
    await expect(token.screen([text], { minScore: 2 })).rejects.toMatchObject({
      code: 'invalid_option',
    });
  });

  it('returns empty results for empty and blank texts', async () => {
    const results = await token.screen(['', '   ']);
    expect(results.map((r) => [r.spans, r.scores.any])).toEqual([
      [[], 0],
      [[], 0],
    ]);
  });

  it('scores a message longer than the model takes in parts, keeping offsets into the whole', async () => {
    const dir = join(root, 'short');
    await buildTinyHfPackage(dir, { id: 'short', maxLength: 8 });
    const short = await openPackageClassifier(await loadModelPackage(dir), { workers: 1 });
    try {
      const text = `${'hello friend '.repeat(12)}you are an idiot ${'ok '.repeat(9)}moron`;
      const [result] = await short.screen([text]);
      const idiot = text.indexOf('idiot');
      const moron = text.indexOf('moron');
      expect(flagged(text, result?.spans ?? [])).toEqual([
        ['idiot', 'insult', idiot, idiot + 5],
        ['moron', 'insult', moron, moron + 5],
      ]);
    } finally {
      await short.close();
    }
  });
});

describe('huggingface sequence-classification packages', () => {
  it('flags the whole message (without surrounding white space) per category over threshold', async () => {
    const text = '  You are an IDIOT!  ';
    const [result] = await sequence.screen([text]);
    expect(flagged(text, result?.spans ?? [])).toEqual([['You are an IDIOT!', 'insult', 2, 19]]);
  });

  it('maps one model label to several categories', async () => {
    const text = 'i hate muslims';
    const [result] = await sequence.screen([text]);
    expect(flagged(text, result?.spans ?? []).map(([, category]) => category)).toEqual([
      'religion',
      'insult',
    ]);
  });

  it('flags nothing in a friendly message', async () => {
    const [result] = await sequence.screen(['thanks for the help']);
    expect(result?.spans).toEqual([]);
  });
});

describe('huggingface package checks', () => {
  async function brokenPackage(name: string, edit: (manifest: Record<string, unknown>) => void) {
    const dir = join(root, name);
    await buildTinyHfPackage(dir, { id: name });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    edit(manifest);
    await writeManifest(dir, manifest);
    return loadModelPackage(dir);
  }

  it('refuses a model label the manifest does not map', async () => {
    const pkg = await brokenPackage('unmapped', (manifest) => {
      manifest.labels = { task: 'token-classification', map: { O: null, 'B-INSULT': 'insult' } };
    });
    await expect(openPackageClassifier(pkg, { workers: 1 })).rejects.toMatchObject({
      code: 'model_package_invalid',
      message: expect.stringMatching(/"I-INSULT" has no entry/),
    });
  });

  it('refuses a mapping to a category the manifest does not declare', async () => {
    const pkg = await brokenPackage('undeclared', (manifest) => {
      manifest.categories = ['insult'];
    });
    await expect(openPackageClassifier(pkg, { workers: 1 })).rejects.toMatchObject({
      code: 'model_package_invalid',
      message: expect.stringMatching(/religion/),
    });
  });

  it('refuses a package without the transformers.js layout', async () => {
    const dir = join(root, 'no-tokenizer-config');
    await buildTinyHfPackage(dir, { id: 'no-tokenizer-config' });
    await rm(join(dir, 'tokenizer_config.json'));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    await writeManifest(dir, manifest);
    const pkg = await loadModelPackage(dir);
    await expect(openPackageClassifier(pkg, { workers: 1 })).rejects.toMatchObject({
      code: 'model_package_invalid',
      message: expect.stringMatching(/tokenizer_config\.json/),
    });
  });

  it('refuses a file changed after verification (the bytes that run are the bytes verified)', async () => {
    const dir = join(root, 'swapped');
    await buildTinyHfPackage(dir, { id: 'swapped' });
    const pkg = await loadModelPackage(dir);
    const config = await readFile(join(dir, 'config.json'), 'utf8');
    await writeFile(join(dir, 'config.json'), config.replace('bert', 'BERT'));
    await expect(openPackageClassifier(pkg, { workers: 1 })).rejects.toMatchObject({
      code: 'model_package_invalid',
      message: expect.stringMatching(/config\.json.*changed after/),
    });
  });
});
