import { CATEGORIES, IDENTITY_CATEGORIES } from '../../domain/index.js';
import { ort } from '../runtime/session.js';
import { type Analysis, analyse } from './analyse.js';
import { type FeaturiserConfig, GRAPH } from './config.js';
import { Featuriser, type WordPriors } from './features.js';
import type { Normaliser } from './text/normalise.js';

/**
 * Runs texts through featurisation and the ONNX graph and returns raw (uncalibrated) per-token
 * scores. Every token's scores depend only on its own feature row, so how texts are grouped
 * into session calls never changes a bit of the result; long messages are cut into rows of at
 * most `maxTokens` tokens for the same reason (features are computed on the whole message first).
 */

export interface RawScores {
  analysis: Analysis;
  /** tokens x CATEGORIES.length raw probabilities, in CATEGORIES order. */
  scores: Float32Array;
  /** Per token: the span head's probability that raters would highlight the token. */
  span: Float32Array;
  /** Per token: the broad abuse head's probability that the token is abusive at all. */
  abuse: Float32Array;
  /**
   * Per token: the word's toxicity prior bucket (word-priors.txt), -1 for a word without one;
   * set when the package ships priors (version 2). Read by calibration version 2 only.
   */
  prior?: Int8Array;
}

export interface InferenceRunner {
  run(feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>>;
}

const C = CATEGORIES.length;
const K = IDENTITY_CATEGORIES.length;
/** Tokens per session call: bounds the input tensors (~tokens x (40 + 96) ids). */
const TOKENS_PER_CALL = 16_384;

interface Row {
  message: number;
  from: number;
  to: number;
}

export class SpanNgramEngine {
  private readonly featuriser: Featuriser;

  constructor(
    private readonly session: InferenceRunner,
    private readonly normaliser: Normaliser,
    readonly config: FeaturiserConfig,
    priors: WordPriors | null = null,
  ) {
    this.featuriser = new Featuriser(config, priors);
  }

  analyse(text: string): Analysis {
    return analyse(this.normaliser, text, this.config.version);
  }

  /** Feature ids of the message a row belongs to (computed on the whole message, once). */
  private cache: { message: number; abuseAll: Int32Array; targetAll: Int32Array } | null = null;

  private featuresOf(
    message: number,
    result: RawScores,
  ): { abuseAll: Int32Array; targetAll: Int32Array } {
    if (this.cache?.message === message) return this.cache;
    const { abuseSlots, targetSlots } = this.config;
    const n = result.analysis.tokens.length;
    const abuseAll = new Int32Array(n * abuseSlots);
    const targetAll = new Int32Array(
      result.analysis.categoriesMentioned === 0 ? 0 : n * K * targetSlots,
    );
    this.featuriser.writeAbuse(result.analysis, abuseAll, 0);
    if (targetAll.length > 0) this.featuriser.writeTarget(result.analysis, targetAll, 0, K);
    this.cache = { message, abuseAll, targetAll };
    return this.cache;
  }

  async score(texts: readonly string[]): Promise<RawScores[]> {
    this.cache = null;
    const results: RawScores[] = texts.map((text) => {
      const analysis = this.analyse(text);
      const n = analysis.tokens.length;
      const result: RawScores = {
        analysis,
        scores: new Float32Array(n * C),
        span: new Float32Array(n),
        abuse: new Float32Array(n),
      };
      const priors = this.featuriser.priors;
      if (priors !== null) {
        const prior = new Int8Array(n);
        for (let t = 0; t < n; t++) prior[t] = priors.get(analysis.abuseForm[t] ?? '') ?? -1;
        result.prior = prior;
      }
      return result;
    });
    const rows: Row[] = [];
    const max = this.config.maxTokens;
    results.forEach((r, message) => {
      const n = r.analysis.tokens.length;
      for (let from = 0; from < n; from += max)
        rows.push({ message, from, to: Math.min(n, from + max) });
    });
    // Rows of similar length travel together, so a few long messages do not pad a whole batch
    // to their length. Each token's scores depend only on its own features, so how rows are
    // grouped changes no bit of any result.
    rows.sort(
      (a, b) => a.to - a.from - (b.to - b.from) || a.message - b.message || a.from - b.from,
    );
    let start = 0;
    while (start < rows.length) {
      const shortest = (rows[start] as Row).to - (rows[start] as Row).from;
      let end = start;
      let longest = 0;
      while (end < rows.length) {
        const row = rows[end] as Row;
        const len = row.to - row.from;
        if (end > start && (len * (end - start + 1) > TOKENS_PER_CALL || len > 2 * shortest + 4))
          break;
        longest = len;
        end++;
      }
      await this.runRows(results, rows.slice(start, end), longest);
      start = end;
    }
    return results;
  }

  private async runRows(results: RawScores[], rows: readonly Row[], width: number): Promise<void> {
    const { abuseSlots, targetSlots } = this.config;
    const R = rows.length;
    const abuseIds = new Int32Array(R * width * abuseSlots);
    const targetIds = new Int32Array(R * width * K * targetSlots);
    // Features are computed per message (they look at the whole message), then copied per row.
    rows.forEach((row, r) => {
      const result = results[row.message] as RawScores;
      const { abuseAll, targetAll } = this.featuresOf(row.message, result);
      abuseIds.set(
        abuseAll.subarray(row.from * abuseSlots, row.to * abuseSlots),
        r * width * abuseSlots,
      );
      if (result.analysis.categoriesMentioned !== 0) {
        const unit = K * targetSlots;
        targetIds.set(targetAll.subarray(row.from * unit, row.to * unit), r * width * unit);
      }
    });
    const out = await this.session.run({
      [GRAPH.abuseInput]: new ort.Tensor('int32', abuseIds, [R, width, abuseSlots]),
      [GRAPH.targetInput]: new ort.Tensor('int32', targetIds, [R, width, K, targetSlots]),
    });
    const scores = out[GRAPH.output]?.data;
    const abuse = out[GRAPH.abuseOutput]?.data;
    const span = out[GRAPH.spanOutput]?.data;
    if (
      !(scores instanceof Float32Array) ||
      !(abuse instanceof Float32Array) ||
      !(span instanceof Float32Array)
    ) {
      throw new Error('the model returned no float scores');
    }
    rows.forEach((row, r) => {
      const result = results[row.message] as RawScores;
      const len = row.to - row.from;
      result.scores.set(scores.subarray(r * width * C, (r * width + len) * C), row.from * C);
      result.abuse.set(abuse.subarray(r * width, r * width + len), row.from);
      result.span.set(span.subarray(r * width, r * width + len), row.from);
      // A category the message never names cannot be what it targets: exactly zero.
      const mentioned = result.analysis.categoriesMentioned;
      for (let k = 0; k < K; k++) {
        if ((mentioned >> k) & 1) continue;
        for (let t = row.from; t < row.to; t++) result.scores[t * C + k] = 0;
      }
    });
  }
}
