import { codePointToUtf16, readCsv, splitByText } from './read.js';
import type { Example, LabelledSpan, Labels } from './types.js';

/**
 * SemEval-2021 Task 5 (Civil Comments). Gold = characters marked by at least half the raters.
 * The raw per-rater spans add a weak type (Insult, Threat, Identity based Attack,
 * Profane/Obscene, Other Toxicity) per character, and comments outside the official train set.
 *
 * Mapping: Insult and Other Toxicity -> insult; Profane/Obscene -> profanity; Threat -> threat;
 * Identity based Attack -> insult plus the identity category of the group the comment names
 * (when it names exactly one). Every post was judged toxic, but posts whose raters agreed on no
 * span teach the model when to flag no span: tokens outside gold are labelled not abusive.
 */

type SpanType =
  | 'Insult'
  | 'Threat'
  | 'Identity based Attack'
  | 'Profane/Obscene'
  | 'Other Toxicity';
const TYPE_PRIORITY: readonly SpanType[] = [
  'Threat',
  'Identity based Attack',
  'Profane/Obscene',
  'Insult',
  'Other Toxicity',
];

interface RawComment {
  text: string;
  raters: number;
  /** Per character: votes per type (index in TYPE_PRIORITY) and total raters marking it. */
  marks: Map<number, number[]>;
}

function loadRaw(datasets: string): Map<string, RawComment> {
  const comments = new Map<string, string>();
  for (const row of readCsv(datasets, 'toxic_spans/raw_comments.csv')) {
    comments.set(row.comment_id ?? '', row.comment_text ?? '');
  }
  const annotationComment = new Map<string, string>();
  const raters = new Map<string, number>();
  for (const row of readCsv(datasets, 'toxic_spans/raw_annotations.csv')) {
    const id = row.comment_id ?? '';
    annotationComment.set(row.annotation ?? '', id);
    raters.set(id, (raters.get(id) ?? 0) + 1);
  }
  const byText = new Map<string, RawComment>();
  const byId = new Map<string, RawComment>();
  for (const [id, text] of comments) {
    const entry: RawComment = { text, raters: raters.get(id) ?? 0, marks: new Map() };
    byId.set(id, entry);
    byText.set(text, entry);
  }
  // Per annotation, a character counts once for the rater, with the type of its first span.
  const seen = new Map<string, Set<number>>();
  for (const row of readCsv(datasets, 'toxic_spans/raw_spans.csv')) {
    const annotation = row.annotation ?? '';
    const comment = byId.get(annotationComment.get(annotation) ?? '');
    if (comment === undefined) continue;
    const start = Number(row.start);
    const end = Number(row.end);
    if (!(end <= comment.text.length) || !(start >= 0) || start >= end) continue;
    const typeIndex = TYPE_PRIORITY.indexOf((row.type ?? '') as SpanType);
    let chars = seen.get(annotation);
    if (chars === undefined) {
      chars = new Set();
      seen.set(annotation, chars);
    }
    for (let c = start; c < end; c++) {
      if (chars.has(c)) continue;
      chars.add(c);
      let votes = comment.marks.get(c);
      if (votes === undefined) {
        votes = [0, 0, 0, 0, 0, 0];
        comment.marks.set(c, votes);
      }
      votes[5] = (votes[5] ?? 0) + 1;
      if (typeIndex >= 0) votes[typeIndex] = (votes[typeIndex] ?? 0) + 1;
    }
  }
  return byText;
}

function typeAt(raw: RawComment | undefined, c: number): number {
  const votes = raw?.marks.get(c);
  if (votes === undefined) return -1;
  let best = -1;
  let bestVotes = 0;
  for (let t = 0; t < 5; t++) {
    const v = votes[t] ?? 0;
    if (v > bestVotes) {
      best = t;
      bestVotes = v;
    }
  }
  return best;
}

function labelsFor(type: number): { labels: Labels; identity?: 'attack' | 'other' } {
  switch (TYPE_PRIORITY[type]) {
    case 'Threat':
      return { labels: { abuse: 1, threat: 1, insult: 0, profanity: 0 }, identity: 'other' };
    case 'Identity based Attack':
      return { labels: { abuse: 1, insult: 1, threat: 0, profanity: 0 }, identity: 'attack' };
    case 'Profane/Obscene':
      return { labels: { abuse: 1, profanity: 1, insult: 0, threat: 0 }, identity: 'other' };
    case 'Insult':
    case 'Other Toxicity':
      return { labels: { abuse: 1, insult: 1, threat: 0, profanity: 0 }, identity: 'other' };
    default:
      return { labels: { abuse: 1 } };
  }
}

/** Maximal runs of gold characters with one type. */
function spansOf(gold: readonly number[], raw: RawComment | undefined): LabelledSpan[] {
  const sorted = [...new Set(gold)].sort((a, b) => a - b);
  const spans: LabelledSpan[] = [];
  let current: { start: number; end: number; type: number } | null = null;
  for (const c of sorted) {
    const type = typeAt(raw, c);
    if (current !== null && c === current.end && (type === current.type || type === -1)) {
      current.end = c + 1;
      continue;
    }
    if (current !== null)
      spans.push({ start: current.start, end: current.end, ...labelsFor(current.type) });
    current = { start: c, end: c + 1, type };
  }
  if (current !== null)
    spans.push({ start: current.start, end: current.end, ...labelsFor(current.type) });
  return spans;
}

function example(
  id: string,
  text: string,
  gold: number[],
  raw: RawComment | undefined,
  split: Example['split'],
  weight: number,
): Example {
  // Offsets in the corpus count code points; ours count UTF-16 units.
  const unit = codePointToUtf16(text);
  const spans = spansOf(gold, raw).map((s) => ({ ...s, start: unit(s.start), end: unit(s.end) }));
  let votes: Float32Array | undefined;
  if (raw !== undefined && raw.raters > 0) {
    votes = new Float32Array(text.length);
    for (const [c, v] of raw.marks) {
      const from = unit(c);
      const to = unit(c + 1);
      for (let u = from; u < to && u < votes.length; u++)
        votes[u] = Math.min(1, (v[5] ?? 0) / raw.raters);
    }
  }
  return {
    ...(votes === undefined ? {} : { votes }),
    id,
    corpus: 'toxic_spans',
    split,
    text,
    weight,
    spanWeight: 1,
    spans,
    spansComplete: true,
    message: {},
    any: 1,
    sexualViolenceFromWords: true,
  };
}

export interface ToxicSpansOptions {
  /** Per-mille of the official train set held apart for tuning (default 150). */
  tunePerMille?: number;
  /**
   * Which slice is held apart: 0 (the default, the last `tunePerMille` of the text-hash range) or
   * k > 0, the k-th slice before it. Measuring a decision on two slices (two trainings) doubles
   * the held-apart posts it is judged on; the shipped model always uses slice 0.
   */
  tuneSlice?: number;
}

export function readToxicSpans(datasets: string, options: ToxicSpansOptions = {}): Example[] {
  const raw = loadRaw(datasets);
  const tune = options.tunePerMille ?? 150;
  const slice = options.tuneSlice ?? 0;
  const tuneFrom = 1000 - tune * (slice + 1);
  const out: Example[] = [];
  const official = new Set<string>();
  readCsv(datasets, 'toxic_spans/tsd_train.csv').forEach((row, i) => {
    const text = row.text ?? '';
    official.add(text);
    const gold = JSON.parse(row.spans ?? '[]') as number[];
    const bucket = splitByText(text, { train: tuneFrom, calib: tuneFrom + tune });
    const split = bucket === 'calib' ? 'tune' : 'train';
    out.push(example(`tsd-train-${i}`, text, gold, raw.get(text), split, 1));
  });
  readCsv(datasets, 'toxic_spans/tsd_trial.csv').forEach((row, i) => {
    const text = row.text ?? '';
    official.add(text);
    out.push(
      example(
        `tsd-trial-${i}`,
        text,
        JSON.parse(row.spans ?? '[]') as number[],
        raw.get(text),
        'trial',
        1,
      ),
    );
  });
  // Comments rated but not in the official release: gold rebuilt as in the paper (>= half).
  let extra = 0;
  for (const [text, comment] of raw) {
    if (official.has(text) || comment.raters === 0) continue;
    const gold: number[] = [];
    for (const [c, votes] of comment.marks) if ((votes[5] ?? 0) * 2 >= comment.raters) gold.push(c);
    out.push(example(`tsd-raw-${extra++}`, text, gold, comment, 'train', 0.5));
  }
  return out;
}
