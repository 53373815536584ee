import type { CompiledExample, FeaturePool } from '../compile.js';
import { seededRandom, shuffledIndices } from './random.js';
import { A, emptyWeights, K, type Weights } from './weights.js';

/**
 * Trains the factorised token model with AdaGrad:
 *   p_span(t)  = sigmoid(span logit)        "would raters highlight this token as toxic?"
 *   p_abuse(t) = sigmoid(abuse logit)       "is this token abusive (in any corpus's sense)?"
 *   q_c(t)     = sigmoid(conduct logit c)   "if so, is it a threat/insult/..."
 *   g_k(t)     = sigmoid(target logit k)    "if so, is it aimed at group k?"
 *   score_c(t) = p_span(t) * q_c(t), score_k(t) = p_abuse(t) * g_k(t)
 * Token labels train each factor directly. Message labels train through the most telling token
 * (multiple-instance learning with max pooling): the argmax of the abuse logit for `abuse`, of
 * the product for a category. Conditional factors never push gradient into the abuse head: "is
 * it abusive?" and "at whom?" are learnt separately, then combined (GUIDE §5).
 */

export interface TrainOptions {
  epochs: number;
  seed: number;
  learningRate: number;
  targetLearningRate: number;
  l2: number;
  /** Weight of message-level (multiple-instance) labels relative to token labels. */
  messageWeight: number;
  /**
   * The returned weights are the average of the end-of-epoch weights from this epoch on
   * (1-based; 0 = no averaging): averaging damps the last epochs' memorisation of rare features.
   */
  averageFrom: number;
  /**
   * Weight of a listwise term for the span head: a softmax over the tokens of a post against its
   * gold tokens, so the head learns which words of a post raters pick, not only how toxic each
   * word is in isolation (the metric is per post).
   */
  listwiseWeight: number;
  /**
   * Share of a token's abuse features left out at random in each training step (feature
   * dropout): the model cannot lean on one rare feature, which generalises better than L2 here.
   */
  dropout: number;
  log?: (line: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 6,
  seed: 20240601,
  learningRate: 0.04,
  targetLearningRate: 0.15,
  l2: 1e-6,
  messageWeight: 0.5,
  averageFrom: 2,
  listwiseWeight: 0,
  dropout: 0,
};

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
/** Columns of the abuse table (config.ts ABUSE_HEADS). */
const SPAN = 0;
const ABUSE = 1;
const CONDUCT = 2;

export interface Pools {
  abuse: FeaturePool;
  target: FeaturePool;
}

export class Trainer {
  readonly weights: Weights;
  private readonly abuseG2: Float32Array;
  private readonly abuseBiasG2 = new Float64Array(A);
  private readonly targetG2: Float32Array;
  private targetBiasG2 = 0;
  // Per-example scratch, grown as needed.
  private za = new Float64Array(0);
  private keep = new Uint8Array(0);
  private readonly random: () => number;
  private zg = new Float64Array(0);
  private ga = new Float64Array(0);
  private gg = new Float64Array(0);

  constructor(
    readonly abuseBuckets: number,
    readonly targetBuckets: number,
    readonly options: TrainOptions,
  ) {
    this.weights = emptyWeights(abuseBuckets, targetBuckets);
    this.abuseG2 = new Float32Array(abuseBuckets * A);
    // Dropout draws come from their own stream so that the shuffling does not depend on them.
    this.random = seededRandom(options.seed ^ 0x5bd1e995);
    this.targetG2 = new Float32Array(targetBuckets);
  }

  train(examples: readonly CompiledExample[], pools: Pools): void {
    const random = seededRandom(this.options.seed);
    for (let epoch = 0; epoch < this.options.epochs; epoch++) {
      const order = shuffledIndices(examples.length, random);
      let loss = 0;
      for (const i of order) {
        const example = examples[i];
        if (example !== undefined) loss += this.step(example, pools);
      }
      this.options.log?.(
        `epoch ${epoch + 1}/${this.options.epochs}: loss ${(loss / examples.length).toFixed(4)}`,
      );
      if (this.options.averageFrom > 0 && epoch + 1 >= this.options.averageFrom) this.accumulate();
    }
    if (this.average !== null) this.finishAverage();
  }

  private average: Weights | null = null;
  private averaged = 0;

  private accumulate(): void {
    const w = this.weights;
    if (this.average === null) this.average = emptyWeights(this.abuseBuckets, this.targetBuckets);
    const avg = this.average;
    for (let i = 0; i < w.abuse.length; i++) avg.abuse[i] = (avg.abuse[i] ?? 0) + (w.abuse[i] ?? 0);
    for (let i = 0; i < w.target.length; i++)
      avg.target[i] = (avg.target[i] ?? 0) + (w.target[i] ?? 0);
    for (let h = 0; h < A; h++) avg.abuseBias[h] = (avg.abuseBias[h] ?? 0) + (w.abuseBias[h] ?? 0);
    avg.targetBias += w.targetBias;
    this.averaged++;
  }

  private finishAverage(): void {
    const avg = this.average;
    if (avg === null || this.averaged === 0) return;
    const w = this.weights;
    const n = this.averaged;
    for (let i = 0; i < w.abuse.length; i++) w.abuse[i] = (avg.abuse[i] ?? 0) / n;
    for (let i = 0; i < w.target.length; i++) w.target[i] = (avg.target[i] ?? 0) / n;
    for (let h = 0; h < A; h++) w.abuseBias[h] = (avg.abuseBias[h] ?? 0) / n;
    w.targetBias = avg.targetBias / n;
    this.average = null;
  }

  private ensure(n: number): void {
    if (this.za.length < n * A) {
      this.za = new Float64Array(n * A * 2);
      this.ga = new Float64Array(n * A * 2);
    }
    if (this.zg.length < n * K) {
      this.zg = new Float64Array(n * K * 2);
      this.gg = new Float64Array(n * K * 2);
    }
  }

  /** Forward pass of one example into za (n x A) and zg (n x K). */
  forward(example: CompiledExample, pools: Pools, dropout = 0): void {
    const { n, tokenStart, targetStart } = example;
    this.ensure(n);
    const { abuse, abuseBias, target, targetBias } = this.weights;
    const ids = pools.abuse.ids;
    const first = tokenStart[0] ?? 0;
    const last = tokenStart[n] ?? 0;
    if (this.keep.length < last - first) this.keep = new Uint8Array((last - first) * 2);
    for (let p = first; p < last; p++)
      this.keep[p - first] = dropout > 0 && this.random() < dropout ? 0 : 1;
    // Kept features are scaled up so that the expected sum matches inference (inverted dropout).
    const scale = 1 / (1 - dropout);
    for (let t = 0; t < n; t++) {
      const o = t * A;
      for (let h = 0; h < A; h++) this.za[o + h] = 0;
      const end = tokenStart[t + 1] ?? 0;
      for (let p = tokenStart[t] ?? 0; p < end; p++) {
        if (this.keep[p - first] === 0) continue;
        const row = (ids[p] ?? 0) * A;
        for (let h = 0; h < A; h++) this.za[o + h] = (this.za[o + h] ?? 0) + (abuse[row + h] ?? 0);
      }
      for (let h = 0; h < A; h++)
        this.za[o + h] = (this.za[o + h] ?? 0) * scale + (abuseBias[h] ?? 0);
    }
    if (targetStart !== null) {
      const tids = pools.target.ids;
      for (let u = 0; u < n * K; u++) {
        let z = targetBias;
        const end = targetStart[u + 1] ?? 0;
        for (let p = targetStart[u] ?? 0; p < end; p++) z += target[tids[p] ?? 0] ?? 0;
        this.zg[u] = z;
      }
    }
  }

  /** One example: forward, gradients of every loss term, AdaGrad update. Returns the loss. */
  private step(example: CompiledExample, pools: Pools): number {
    this.forward(example, pools, this.options.dropout);
    const { n, weight } = example;
    const ga = this.ga;
    const gg = this.gg;
    ga.fill(0, 0, n * A);
    gg.fill(0, 0, n * K);
    let loss = 0;
    const bce = (p: number, y: number): number =>
      -Math.log(y === 1 ? Math.max(p, 1e-9) : Math.max(1 - p, 1e-9));
    const softBce = (p: number, y: number): number =>
      -(y * Math.log(Math.max(p, 1e-9)) + (1 - y) * Math.log(Math.max(1 - p, 1e-9)));
    const mw = this.options.messageWeight * weight;
    // Token labels.
    for (let t = 0; t < n; t++) {
      const o = t * A;
      const ys = example.tokenSpan[t] ?? -1;
      if (ys >= 0) {
        const ps = sigmoid(this.za[o + SPAN] ?? 0);
        const ws = weight * example.spanWeight;
        ga[o + SPAN] = (ga[o + SPAN] ?? 0) + ws * (ps - ys);
        loss += ws * softBce(ps, ys);
      }
      const y = example.tokenAbuse[t] ?? -1;
      if (y >= 0) {
        const pa = sigmoid(this.za[o + ABUSE] ?? 0);
        ga[o + ABUSE] = (ga[o + ABUSE] ?? 0) + weight * (pa - y);
        loss += weight * softBce(pa, y);
      }
      for (let c = 0; c < 4; c++) {
        const yc = example.tokenConduct[t * 4 + c] ?? -1;
        if (yc < 0) continue;
        const q = sigmoid(this.za[o + CONDUCT + c] ?? 0);
        ga[o + CONDUCT + c] = (ga[o + CONDUCT + c] ?? 0) + weight * (q - yc);
        loss += weight * bce(q, yc);
      }
      if (example.targetStart !== null) {
        const wi = weight * (example.identityWeight[t] ?? 1);
        for (let k = 0; k < K; k++) {
          const yk = example.tokenIdentity[t * K + k] ?? -1;
          if (yk < 0 || ((example.mentioned >> k) & 1) === 0) continue;
          const g = sigmoid(this.zg[t * K + k] ?? 0);
          gg[t * K + k] = (gg[t * K + k] ?? 0) + wi * (g - yk);
          loss += wi * bce(g, yk);
        }
      }
    }
    if (this.options.listwiseWeight > 0 && example.spanWeight > 0)
      loss += this.listwise(example, ga);
    // Message labels through the most telling token.
    const message = example.message;
    const yAbuse = message[0] ?? -1;
    if (yAbuse >= 0 && !example.spansComplete) {
      const best = this.argmax(example, (t) => this.za[t * A + ABUSE] ?? 0);
      const pa = sigmoid(this.za[best * A + ABUSE] ?? 0);
      ga[best * A + ABUSE] = (ga[best * A + ABUSE] ?? 0) + mw * (pa - yAbuse);
      loss += mw * bce(pa, yAbuse);
    }
    for (let c = 0; c < 4; c++) {
      const y = message[1 + c] ?? -1;
      if (y < 0) continue;
      const best = this.argmax(
        example,
        (t) => sigmoid(this.za[t * A + ABUSE] ?? 0) * sigmoid(this.za[t * A + CONDUCT + c] ?? 0),
      );
      const q = sigmoid(this.za[best * A + CONDUCT + c] ?? 0);
      ga[best * A + CONDUCT + c] = (ga[best * A + CONDUCT + c] ?? 0) + mw * (q - y);
      loss += mw * bce(q, y);
    }
    if (example.targetStart !== null) {
      const tw = mw * example.targetWeight;
      for (let k = 0; k < K; k++) {
        const y = message[5 + k] ?? -1;
        if (y < 0 || ((example.mentioned >> k) & 1) === 0) continue;
        const best = this.argmax(
          example,
          (t) => sigmoid(this.za[t * A + ABUSE] ?? 0) * sigmoid(this.zg[t * K + k] ?? 0),
        );
        const g = sigmoid(this.zg[best * K + k] ?? 0);
        gg[best * K + k] = (gg[best * K + k] ?? 0) + tw * (g - y);
        loss += tw * bce(g, y);
      }
    }
    this.update(example, pools);
    return loss;
  }

  /** Softmax over the span logits of the post against its (soft) gold distribution. */
  private listwise(example: CompiledExample, ga: Float64Array): number {
    const n = example.n;
    let total = 0;
    for (let t = 0; t < n; t++) total += Math.max(0, example.tokenSpan[t] ?? 0);
    if (total < 0.5) return 0;
    let max = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < n; t++) max = Math.max(max, this.za[t * A + SPAN] ?? 0);
    let sum = 0;
    for (let t = 0; t < n; t++) sum += Math.exp((this.za[t * A + SPAN] ?? 0) - max);
    const w = this.options.listwiseWeight * example.weight * example.spanWeight;
    let loss = 0;
    for (let t = 0; t < n; t++) {
      const p = Math.exp((this.za[t * A + SPAN] ?? 0) - max) / sum;
      const target = Math.max(0, example.tokenSpan[t] ?? 0) / total;
      ga[t * A + SPAN] = (ga[t * A + SPAN] ?? 0) + w * (p - target);
      if (target > 0) loss -= w * target * Math.log(Math.max(p, 1e-12));
    }
    return loss;
  }

  /** The eligible token with the largest score (the first on ties); token 0 if none is eligible. */
  private argmax(example: CompiledExample, score: (t: number) => number): number {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < example.n; t++) {
      if (example.milEligible[t] !== 1) continue;
      const s = score(t);
      if (s > bestScore) {
        bestScore = s;
        best = t;
      }
    }
    return Math.max(best, 0);
  }

  private update(example: CompiledExample, pools: Pools): void {
    const { n, tokenStart, targetStart } = example;
    const { learningRate: lr, targetLearningRate: lrg, l2 } = this.options;
    const W = this.weights.abuse;
    const G2 = this.abuseG2;
    const ids = pools.abuse.ids;
    const bias = this.weights.abuseBias;
    const first = tokenStart[0] ?? 0;
    const scale = 1 / (1 - this.options.dropout);
    for (let t = 0; t < n; t++) {
      const o = t * A;
      let any = false;
      for (let h = 0; h < A; h++) if ((this.ga[o + h] ?? 0) !== 0) any = true;
      if (!any) continue;
      const end = tokenStart[t + 1] ?? 0;
      for (let p = tokenStart[t] ?? 0; p < end; p++) {
        if (this.keep[p - first] === 0) continue;
        const row = (ids[p] ?? 0) * A;
        for (let h = 0; h < A; h++) {
          const g0 = (this.ga[o + h] ?? 0) * scale;
          if (g0 === 0) continue;
          const w = W[row + h] ?? 0;
          const g = g0 + l2 * w;
          const acc = (G2[row + h] ?? 0) + g * g;
          G2[row + h] = acc;
          W[row + h] = w - (lr * g) / (Math.sqrt(acc) + 1e-8);
        }
      }
      for (let h = 0; h < A; h++) {
        const g = this.ga[o + h] ?? 0;
        if (g === 0) continue;
        const acc = (this.abuseBiasG2[h] ?? 0) + g * g;
        this.abuseBiasG2[h] = acc;
        bias[h] = (bias[h] ?? 0) - (lr * g) / (Math.sqrt(acc) + 1e-8);
      }
    }
    if (targetStart === null) return;
    const T = this.weights.target;
    const TG2 = this.targetG2;
    const tids = pools.target.ids;
    for (let u = 0; u < n * K; u++) {
      const g0 = this.gg[u] ?? 0;
      if (g0 === 0) continue;
      const end = targetStart[u + 1] ?? 0;
      for (let p = targetStart[u] ?? 0; p < end; p++) {
        const id = tids[p] ?? 0;
        const w = T[id] ?? 0;
        const g = g0 + l2 * w;
        const acc = (TG2[id] ?? 0) + g * g;
        TG2[id] = acc;
        T[id] = w - (lrg * g) / (Math.sqrt(acc) + 1e-8);
      }
      this.targetBiasG2 += g0 * g0;
      this.weights.targetBias -= (lrg * g0) / (Math.sqrt(this.targetBiasG2) + 1e-8);
    }
  }
}
