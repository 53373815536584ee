import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../domain/index.js';
import { loadModel } from '../package/resolve.js';
import { openSpanNgramScorer, type SpanNgramScorer } from './scorer.js';

/**
 * Auditors replay old runs with the exact package they were made with, so runtime changes made
 * for later packages must not move a bit of an earlier package's output. These digests were
 * recorded with the runtime that span-ngram-1 was trained and shipped with; a change to the
 * normaliser, lexicon, scope rules, features or decoding that leaks into version-1 packages
 * fails here.
 */
const TEXTS = [
  'end of shift, anyone for a pint?',
  'Scunthorpe away on Saturday',
  'the assassin in the film was class',
  'my therapist says hello',
  'cocktail analysis with shitake and shiitake',
  'reading Dickens on the night shift',
  'I hate women.',
  'Mulsims are vermin',
  'k1ll all 1mm1gr4nts',
  'I hateMuslims',
  'B l a c k people are d i s g u s t i n g',
  'f***ing n*****s everywhere',
  "I don't hate gay people.",
  'Saying "trans people are vermin" is disgusting.',
  'you stupid bitch, shut up',
  "bitches ain't shit",
  'Our bitch just had six puppies',
  'Can I bum a fag off you?',
  'the suspect is a Black male in his 20s',
  "I'll stab you if you grass",
  'she deserves to be raped',
  'fucking hell what a day',
  'disabled people are a drain on us all',
  'Proud to be gay',
  'killallmuslims',
  'they should all be shot. immigrants I mean.',
  'Why are Jews so greedy?',
  'what a lovely day at the gay pride parade duty',
  'my Muslim colleague brought in sweets for Eid',
  'black coffee, no sugar, custody suite at 6',
  '',
  'ok',
];

const modelsDir = fileURLToPath(new URL('../../../models', import.meta.url));
/** The first functional suite's texts widen the sample (read as text: it is test data). */
const SUITE = readFileSync(new URL('../../../test/functional/cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);

function digest(results: readonly unknown[]): string {
  const hex = (n: number) => Buffer.from(new Float64Array([n]).buffer).toString('hex');
  const text = JSON.stringify(results, (_key, value: unknown) =>
    typeof value === 'number' ? hex(value) : value,
  );
  return createHash('sha256').update(text).digest('hex');
}

describe('span-ngram-1 replays bit for bit on the current runtime', () => {
  let scorer: SpanNgramScorer;
  let defaults: Record<Category, number>;
  beforeAll(async () => {
    const pkg = await loadModel(modelsDir, 'span-ngram-1');
    scorer = await openSpanNgramScorer(pkg);
    defaults = Object.fromEntries(
      CATEGORIES.map((c) => [c, pkg.manifest.thresholds[c] ?? 0.5]),
    ) as Record<Category, number>;
  });
  afterAll(async () => {
    await scorer.close();
  });

  it('gives the recorded screenings at the default thresholds and at zero', async () => {
    const zero = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    expect(digest(await scorer.screen(TEXTS, defaults))).toBe(
      'f81cc03a7da3176da1cc0f6db22dcde75ef2afa4726c8eba32e4a5120f53164d',
    );
    expect(digest(await scorer.screen(TEXTS, zero))).toBe(
      '67c33dd107c67f11671f9ba29162530aa012a8c6d80fcd14ff495464ca5520a5',
    );
  });

  it('gives the recorded raw token scores and analyses', async () => {
    const raw = await scorer.engine.score([...TEXTS, ...SUITE]);
    const plain = raw.map((r) => ({
      tokens: r.analysis.tokens.map((t) => [
        t.kind,
        t.start,
        t.end,
        t.form,
        t.sentence,
        t.clause,
        t.quoted,
        t.disguised,
      ]),
      mention: [...r.analysis.mention],
      negated: [...r.analysis.negated],
      reported: [...r.analysis.reported],
      abuseForm: r.analysis.abuseForm,
      counter: r.analysis.counter,
      scores: [...r.scores],
      span: [...r.span],
      abuse: [...r.abuse],
    }));
    expect(digest(plain)).toBe('abea89190846679161045cf9d91e649820181aef2e170d3985ea2c671144950a');
  });
});
