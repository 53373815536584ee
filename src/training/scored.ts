import type { RawScores, SpanNgramEngine } from '../screening/span-ngram/engine.js';
import type { Example } from './corpora/types.js';

/** A held-apart example with the raw scores of the model being calibrated and evaluated. */
export interface Scored {
  example: Example;
  raw: RawScores;
}

/** Scores examples through the real runtime path (featurisation + ONNX), in chunks. */
export async function scoreExamples(
  engine: SpanNgramEngine,
  examples: readonly Example[],
): Promise<Scored[]> {
  const out: Scored[] = [];
  const chunk = 512;
  for (let i = 0; i < examples.length; i += chunk) {
    const part = examples.slice(i, i + chunk);
    const raws = await engine.score(part.map((e) => e.text));
    part.forEach((example, j) => {
      const raw = raws[j];
      if (raw !== undefined) out.push({ example, raw });
    });
  }
  return out;
}

/** Token t lies in the example's gold spans (at least half its characters). */
export function goldMask(s: Scored): Uint8Array {
  const n = s.raw.analysis.tokens.length;
  const mask = new Uint8Array(n);
  const spans = s.example.spans ?? [];
  s.raw.analysis.tokens.forEach((token, t) => {
    let inside = 0;
    for (const span of spans)
      inside += Math.max(0, Math.min(span.end, token.end) - Math.max(span.start, token.start));
    if (inside * 2 >= token.end - token.start && inside > 0) mask[t] = 1;
  });
  return mask;
}
