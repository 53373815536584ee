import type { Category, MessageScreening } from '../../domain/index.js';
import { ChatscreenError } from '../../domain/index.js';
import { readVerifiedFile } from '../package/verified-read.js';
import { createInferenceSession } from '../runtime/session.js';
import type { Scorer, ScorerFactory, VerifiedPackage } from '../scorer.js';
import { decode } from './decode.js';
import { SpanNgramEngine } from './engine.js';
import { PRIOR_BUCKETS, type WordPriors } from './features.js';
import { parseSpanNgramSections, type SpanNgramSections } from './manifest-sections.js';
import { Normaliser, Vocabulary } from './text/normalise.js';

/** The runtime of `chatscreen-span-ngram` packages; created inside a screening worker. */
export class SpanNgramScorer implements Scorer {
  constructor(
    readonly engine: SpanNgramEngine,
    readonly sections: SpanNgramSections,
    private readonly release: () => Promise<void>,
  ) {}

  async screen(
    texts: readonly string[],
    thresholds: Readonly<Record<Category, number>>,
  ): Promise<MessageScreening[]> {
    const raw = await this.engine.score(texts);
    return raw.map((r) => decode(r, this.sections.calibration, thresholds));
  }

  close(): Promise<void> {
    return this.release();
  }
}

export function parseVocabulary(bytes: Uint8Array): Vocabulary {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return new Vocabulary(text.split('\n').filter((line) => line.length > 0));
}

/** `word<TAB>bucket` lines (version-2 packages' word-priors.txt). */
export function parsePriors(bytes: Uint8Array): WordPriors {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const priors = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const value = Number(line.slice(tab + 1));
    if (!Number.isInteger(value) || value < 0 || value >= PRIOR_BUCKETS) {
      throw new ChatscreenError('model_package_invalid', 'word-priors.txt has a bad bucket');
    }
    priors.set(line.slice(0, tab), value);
  }
  return priors;
}

export async function openSpanNgramScorer(pkg: VerifiedPackage): Promise<SpanNgramScorer> {
  const sections = parseSpanNgramSections(pkg.manifest);
  const { modelFile, vocabularyFile, priorsFile, version } = sections.featuriser;
  const [model, vocabulary, priors] = await Promise.all([
    readVerifiedFile(pkg, modelFile),
    readVerifiedFile(pkg, vocabularyFile),
    version >= 2 && priorsFile !== undefined ? readVerifiedFile(pkg, priorsFile) : null,
  ]);
  if ((sections.calibration.version ?? 1) >= 2 && priors === null) {
    throw new ChatscreenError(
      'model_package_invalid',
      'calibration version 2 reads word priors, but the package ships none',
    );
  }
  const session = await createInferenceSession(model);
  const engine = new SpanNgramEngine(
    session,
    new Normaliser(parseVocabulary(vocabulary)),
    sections.featuriser,
    priors === null ? null : parsePriors(priors),
  );
  return new SpanNgramScorer(engine, sections, () => session.release());
}

export const spanNgramScorerFactory: ScorerFactory = {
  kind: 'chatscreen-span-ngram',
  create: openSpanNgramScorer,
};
