import {
  CATEGORIES,
  type Category,
  isIdentityCategory,
  type MessageScreening,
} from '../domain/index.js';
import { createInferenceSession } from '../screening/runtime/session.js';
import type { FeaturiserConfig } from '../screening/span-ngram/config.js';
import { type Calibration, decode } from '../screening/span-ngram/decode.js';
import { SpanNgramEngine } from '../screening/span-ngram/engine.js';
import { Normaliser, Vocabulary } from '../screening/span-ngram/text/normalise.js';
import { ANY_CORPORA, fitCalibration } from './calibration-fit.js';
import { readAllCorpora } from './corpora/index.js';
import { CORPORA, type CorpusName, type Example, type Split } from './corpora/types.js';
import {
  BENIGN_SOURCES,
  type BenignSource,
  benignSource,
  type FlagRate,
  flagRate,
  readBenignChat,
} from './evaluate/benign.js';
import {
  type FunctionalResults,
  functionalResults,
  readFunctionalCases,
} from './evaluate/functional.js';
import {
  type AnyCalibration,
  anyCalibration,
  type Counts,
  decodeAll,
  perCorpusCategory,
  typedTokenCounts,
  unionSpanF1,
} from './evaluate/metrics.js';
import { chooseThresholds } from './evaluate/thresholds.js';
import type { TrainOptions } from './model/trainer.js';
import { type Scored, scoreExamples } from './scored.js';
import { trainModel } from './train-model.js';

/**
 * `npm run train` end to end: read and split the corpora, train, calibrate and choose
 * thresholds on held-apart data, measure on data never trained or tuned on, and hand back
 * everything the package writer and model card need.
 */
export interface PipelineOptions {
  datasets: string;
  featuriser: FeaturiserConfig;
  train: TrainOptions;
  corpora?: readonly CorpusName[];
  /** Which toxic-spans slice is held apart for tuning (corpora/toxic-spans.ts); 0 ships. */
  tuneSlice?: number;
  /** F1 the conduct threshold may give up on the plateau (evaluate/thresholds.ts PLATEAU). */
  plateau?: number;
  /** Calibration version (calibration-fit.ts): 1 for span-ngram-1 and -2, 2 since span-ngram-3. */
  calibrationVersion?: 1 | 2;
  /** Path of the functional suite (JSON lines), or null to skip it. */
  functionalCases: string | null;
  /** Path of the second, independent functional set, or null to skip it. */
  functionalSecondCases?: string | null;
  /** Path of the benign chat set (JSON lines of {id, text}), or null to skip it. */
  benignChat?: string | null;
  log: (line: string) => void;
}

export interface CorpusSizes {
  train: number;
  tune: number;
  calib: number;
  eval: number;
  trial: number;
}

export interface EvaluationReport {
  spanF1: {
    /**
     * Held-apart estimate: each half of the tuning slice measured with the calibration and
     * thresholds fitted on the other half, weighted by size.
     */
    tuneCrossFitted: number;
    tuneHalves: [number, number];
    /** The same, counting conduct spans only (identity spans left out of the union). */
    tuneCrossFittedConduct: number;
    /** The shipped calibration on the slice it was fitted on (optimistic; for reference). */
    tuneInSample: number;
    /** Toxic-spans trial, with the shipped calibration and thresholds: never tuned on. */
    trial: number;
    tunePosts: number;
    trialPosts: number;
    /**
     * Set by run-training when more than one held-apart slice was measured: each slice's
     * cross-fitted F1 (slice 0 is the one above) and the post-weighted pooled figure.
     */
    slices?: {
      pooled: number;
      posts: number;
      each: { slice: number; crossFitted: number; posts: number }[];
    };
  };
  any: { heldOut: AnyCalibration; fit: AnyCalibration };
  perCorpus: Record<string, Partial<Record<Category | 'any', Counts>>>;
  /** Token-level counts per conduct category on the held-apart tuning half (rater types). */
  toxicSpansTokens: Partial<Record<Category, Counts>>;
  functional: FunctionalResults | null;
  functionalSecond: FunctionalResults | null;
  /**
   * Harmless text flagged at the default thresholds: the held-apart eval halves' messages each
   * corpus labels not abusive (EDOS: not sexist), and the benign chat set.
   */
  benign: Partial<Record<BenignSource, FlagRate>>;
  /** Abusive held-apart messages (eval halves) with at least one flag, per corpus. */
  abusiveRecall: Record<string, { n: number; flagged: number }>;
  calibrationCounts: Record<string, { examples: number; positives: number }>;
}

export interface PipelineResult {
  onnx: Uint8Array;
  vocabulary: string[];
  /** Version-2 word priors (word-priors.txt), or null. */
  priors: Map<string, number> | null;
  calibration: Calibration;
  thresholds: Record<Category, number>;
  corpora: Record<string, CorpusSizes>;
  report: EvaluationReport;
  tokens: number;
  seconds: { read: number; train: number; calibrate: number; evaluate: number; total: number };
}

function sizes(examples: readonly Example[]): Record<string, CorpusSizes> {
  const out: Record<string, CorpusSizes> = {};
  for (const e of examples) {
    const entry = out[e.corpus] ?? { train: 0, tune: 0, calib: 0, eval: 0, trial: 0 };
    entry[e.split as Split]++;
    out[e.corpus] = entry;
  }
  return Object.fromEntries(
    CORPORA.filter((c) => out[c] !== undefined).map((c) => [c, out[c] as CorpusSizes]),
  );
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const started = Date.now();
  const clock = (): number => (Date.now() - started) / 1000;
  const log = (line: string): void => options.log(`[${clock().toFixed(0)}s] ${line}`);
  const examples = readAllCorpora(options.datasets, options.corpora, options.tuneSlice ?? 0);
  const train = examples.filter((e) => e.split === 'train');
  const tune = examples.filter((e) => e.split === 'tune');
  // The tuning slice is halved for cross-fitting: calibration and thresholds fitted on one half
  // are measured on the other, both ways; the shipped ones are then fitted on the whole slice.
  const tuneA = tune.filter((_, i) => i % 2 === 0);
  const tuneB = tune.filter((_, i) => i % 2 === 1);
  const calib = examples.filter((e) => e.split === 'calib');
  const heldOut = examples.filter((e) => e.split === 'eval');
  const trial = examples.filter((e) => e.split === 'trial');
  const read = clock();
  log(`read ${examples.length} examples (${train.length} train)`);

  const model = trainModel(train, options.featuriser, options.train, log);
  const trained = clock();
  const session = await createInferenceSession(model.onnx);
  const engine = new SpanNgramEngine(
    session,
    new Normaliser(new Vocabulary(model.vocabulary)),
    options.featuriser,
    model.priors,
  );
  const score = (set: readonly Example[]): Promise<Scored[]> => scoreExamples(engine, set);
  const [tuneAScored, tuneBScored, calibScored, heldScored, trialScored] = [
    await score(tuneA),
    await score(tuneB),
    await score(calib),
    await score(heldOut),
    await score(trial),
  ];
  const calibrateOn = (spanSet: readonly Scored[], say?: (line: string) => void) => {
    const fitted = fitCalibration(spanSet, calibScored, options.calibrationVersion ?? 1);
    return {
      fitted,
      thresholds: chooseThresholds(fitted.calibration, calibScored, spanSet, say, options.plateau),
    };
  };
  const onA = calibrateOn(tuneAScored);
  const onB = calibrateOn(tuneBScored);
  const conductOnly = (screenings: MessageScreening[]): MessageScreening[] =>
    screenings.map((m) => ({
      ...m,
      spans: m.spans.filter((span) => !isIdentityCategory(span.category)),
    }));
  const crossFit = (conduct: boolean): { a: number; b: number } => {
    const onBScreenings = decodeAll(tuneAScored, onB.fitted.calibration, onB.thresholds);
    const onAScreenings = decodeAll(tuneBScored, onA.fitted.calibration, onA.thresholds);
    return {
      a: unionSpanF1(tuneAScored, conduct ? conductOnly(onBScreenings) : onBScreenings),
      b: unionSpanF1(tuneBScored, conduct ? conductOnly(onAScreenings) : onAScreenings),
    };
  };
  const weighted = ({ a, b }: { a: number; b: number }): number =>
    (a * tuneAScored.length + b * tuneBScored.length) /
    Math.max(1, tuneAScored.length + tuneBScored.length);
  const halves = crossFit(false);
  const halvesConduct = crossFit(true);
  const tuneScored = [...tuneAScored, ...tuneBScored];
  const { fitted, thresholds } = calibrateOn(tuneScored, log);
  const calibrated = clock();
  log(
    `span calibration ${JSON.stringify(fitted.calibration.span.weights.map((w) => w.toFixed(3)))}`,
  );
  log(`calibrated; thresholds ${JSON.stringify(thresholds)}`);

  const screen = (set: readonly Scored[]) => decodeAll(set, fitted.calibration, thresholds);
  const heldScreenings = screen(heldScored);
  const suite = async (path: string | null | undefined): Promise<FunctionalResults | null> => {
    if (path === null || path === undefined) return null;
    const cases = readFunctionalCases(path);
    const raws = await engine.score(cases.map((c) => c.text));
    return functionalResults(
      cases,
      raws.map((raw) => decode(raw, fitted.calibration, thresholds)),
    );
  };
  const functional = await suite(options.functionalCases);
  const functionalSecond = await suite(options.functionalSecondCases);
  const benign: Partial<Record<BenignSource, FlagRate>> = {};
  for (const source of BENIGN_SOURCES) {
    if (source === 'chat') {
      if (options.benignChat === null || options.benignChat === undefined) continue;
      const texts = readBenignChat(options.benignChat);
      const raws = await engine.score(texts);
      benign.chat = flagRate(
        texts,
        raws.map((raw) => decode(raw, fitted.calibration, thresholds)),
      );
      continue;
    }
    const rows = heldScored
      .map((s, i) => ({ s, screening: heldScreenings[i] }))
      .filter((r) => benignSource(r.s.example) === source);
    benign[source] = flagRate(
      rows.map((r) => r.s.example.text),
      rows.map((r) => r.screening ?? { scores: {} as MessageScreening['scores'], spans: [] }),
    );
  }
  const abusiveRecall: Record<string, { n: number; flagged: number }> = {};
  heldScored.forEach((s, i) => {
    if (s.example.any !== 1 && s.example.message.abuse !== 1) return;
    const entry = abusiveRecall[s.example.corpus] ?? { n: 0, flagged: 0 };
    entry.n++;
    if ((heldScreenings[i]?.spans.length ?? 0) > 0) entry.flagged++;
    abusiveRecall[s.example.corpus] = entry;
  });
  const report: EvaluationReport = {
    spanF1: {
      tuneCrossFitted: weighted(halves),
      tuneHalves: [halves.a, halves.b],
      tuneCrossFittedConduct: weighted(halvesConduct),
      tuneInSample: unionSpanF1(tuneScored, screen(tuneScored)),
      trial: unionSpanF1(trialScored, screen(trialScored)),
      tunePosts: tuneScored.length,
      trialPosts: trialScored.length,
    },
    any: {
      heldOut: anyCalibration(heldScored, heldScreenings, ANY_CORPORA),
      fit: anyCalibration(calibScored, screen(calibScored), ANY_CORPORA),
    },
    perCorpus: perCorpusCategory(heldScored, heldScreenings),
    toxicSpansTokens: typedTokenCounts(
      tuneBScored,
      decodeAll(tuneBScored, onA.fitted.calibration, onA.thresholds),
    ),
    functional,
    functionalSecond,
    benign,
    abusiveRecall,
    calibrationCounts: fitted.counts,
  };
  await session.release();
  const total = clock();
  log(
    `span F1 cross-fitted tune ${report.spanF1.tuneCrossFitted.toFixed(4)}, trial ${report.spanF1.trial.toFixed(4)}; any ECE ${report.any.heldOut.ece.toFixed(4)}; functional ${functional?.overall.accuracy.toFixed(3) ?? 'n/a'}`,
  );
  return {
    onnx: model.onnx,
    vocabulary: model.vocabulary,
    priors: model.priors,
    calibration: fitted.calibration,
    thresholds,
    corpora: sizes(examples),
    report,
    tokens: model.tokens,
    seconds: {
      read,
      train: trained - read,
      calibrate: calibrated - trained,
      evaluate: total - calibrated,
      total,
    },
  };
}

export { CATEGORIES };
