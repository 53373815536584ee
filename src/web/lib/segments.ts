/** A flagged range to mark in a message: UTF-16 code units, end exclusive (docs/api.md). */
export interface MarkSpan {
  id: string;
  start: number;
  end: number;
  /** The flag under review, or another flag on the same message. */
  current: boolean;
}

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** The spans covering this segment (possibly overlapping flags). */
  spans: MarkSpan[];
}

/**
 * Cuts a message into segments at every span boundary, so each flagged range is marked exactly
 * as the model reported it. Offsets are JavaScript string indices, so `slice` is exact even inside
 * emoji, ZWJ sequences, combining marks or RTL text; the segments always join back to the text.
 */
export function segmentText(text: string, spans: readonly MarkSpan[]): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const usable = spans
    .map((s) => ({ ...s, start: clamp(s.start), end: clamp(s.end) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of usable) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    if (end <= start) continue;
    segments.push({
      text: text.slice(start, end),
      start,
      end,
      spans: usable.filter((s) => s.start <= start && s.end >= end),
    });
  }
  return segments;
}
