import {
  CATEGORIES,
  type Category,
  type CategoryScores,
  type ScoredSpan,
} from '../../domain/index.js';
import type { TokenRange } from './align.js';

const WORD_END = /[\p{L}\p{N}\p{M}]$/u;
const WORD_START = /^[\p{L}\p{N}\p{M}]/u;

/**
 * Widens a span to whole words: a subword model may flag "idiot" inside "idiots", and reviewers
 * should see the word the way it was written.
 */
function toWordBoundaries(text: string, range: TokenRange): TokenRange {
  let { start, end } = range;
  if (WORD_START.test(text.slice(start, start + 2))) {
    while (start > 0 && WORD_END.test(text.slice(Math.max(0, start - 2), start))) {
      start -= isLowSurrogate(text, start - 1) ? 2 : 1;
    }
  }
  if (WORD_END.test(text.slice(Math.max(0, end - 2), end))) {
    while (end < text.length && WORD_START.test(text.slice(end, end + 2))) {
      end += isHighSurrogate(text, end) ? 2 : 1;
    }
  }
  return { start, end };
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0;
}

function isHighSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length;
}

export function sortSpans(spans: ScoredSpan[]): ScoredSpan[] {
  return spans.sort(
    (a, b) =>
      a.start - b.start ||
      CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
      a.end - b.end,
  );
}

function mergeOverlapping(spans: ScoredSpan[]): ScoredSpan[] {
  const merged: ScoredSpan[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.score = Math.max(last.score, span.score);
    } else merged.push({ ...span });
  }
  return merged;
}

/**
 * Spans from per-token scores: for each category, consecutive tokens at or above its threshold
 * merge into one span scored with their highest probability; spans are widened to whole words.
 */
export function tokenSpans(
  text: string,
  ranges: readonly (TokenRange | null)[],
  tokenScores: readonly (CategoryScores | null)[],
  categories: readonly Category[],
  thresholds: Readonly<Record<Category, number>>,
): ScoredSpan[] {
  const spans: ScoredSpan[] = [];
  for (const category of categories) {
    const found: ScoredSpan[] = [];
    let open: ScoredSpan | null = null;
    ranges.forEach((range, i) => {
      const scores = tokenScores[i];
      if (range === null || scores === null || scores === undefined) return;
      const score = scores[category];
      if (score < thresholds[category] || score === 0) {
        open = null;
        return;
      }
      if (open === null) {
        open = { start: range.start, end: range.end, category, score };
        found.push(open);
      } else {
        open.end = Math.max(open.end, range.end);
        open.score = Math.max(open.score, score);
      }
    });
    const widened = found.map((span) => ({ ...span, ...toWordBoundaries(text, span) }));
    spans.push(...mergeOverlapping(widened));
  }
  return sortSpans(spans);
}

/**
 * A message-level (sequence-classification) model says nothing about where: it flags the whole
 * message, without surrounding white space, once per category at or above its threshold.
 */
export function messageSpans(
  text: string,
  scores: CategoryScores,
  categories: readonly Category[],
  thresholds: Readonly<Record<Category, number>>,
): ScoredSpan[] {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (start >= end) return [];
  return sortSpans(
    categories
      .filter((category) => scores[category] > 0 && scores[category] >= thresholds[category])
      .map((category) => ({ start, end, category, score: scores[category] })),
  );
}
