import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category } from '../../../domain/index.js';
import { loadModel } from '../../package/resolve.js';
import type { RawScores } from '../engine.js';
import { openSpanNgramScorer, type SpanNgramScorer } from '../scorer.js';

/** Texts, digests and raw-score projections shared by the replay tests (replay-v*.test.ts). */
export const TEXTS = [
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

export const modelsDir = fileURLToPath(new URL('../../../../models', import.meta.url));
/** The first functional suite's texts widen the sample (read as text: it is test data). */
export const SUITE = readFileSync(
  new URL('../../../../test/functional/cases.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);

export function digest(results: readonly unknown[]): string {
  const hex = (n: number) => Buffer.from(new Float64Array([n]).buffer).toString('hex');
  const text = JSON.stringify(results, (_key, value: unknown) =>
    typeof value === 'number' ? hex(value) : value,
  );
  return createHash('sha256').update(text).digest('hex');
}

/** What the raw-score digests cover: the analysis and every raw output. */
export function rawProjection(r: RawScores): unknown {
  return {
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
  };
}

/** A shipped package's scorer, with its default thresholds and all-zero thresholds. */
export async function openReplayScorer(id: string): Promise<{
  scorer: SpanNgramScorer;
  defaults: Record<Category, number>;
  zero: Record<Category, number>;
}> {
  const pkg = await loadModel(modelsDir, id);
  const scorer = await openSpanNgramScorer(pkg);
  const thresholds = (value: (c: Category) => number) =>
    Object.fromEntries(CATEGORIES.map((c) => [c, value(c)])) as Record<Category, number>;
  return {
    scorer,
    defaults: thresholds((c) => pkg.manifest.thresholds[c] ?? 0.5),
    zero: thresholds(() => 0),
  };
}
