import type { FlagView } from '../../api/types.js';
import { CATEGORY_LABELS } from '../../lib/format.js';
import { type MarkSpan, segmentText } from '../../lib/segments.js';

/**
 * A message's text with its flagged ranges marked exactly (UTF-16 offsets). With masking on, the
 * flagged words are not put in the page at all until revealed: a grey bar of about their length
 * stands in, so a reviewer is not exposed to slurs they have not chosen to read.
 */
export function MessageText(props: {
  text: string;
  flags: readonly FlagView[];
  currentId: string | null;
  masked: boolean;
}) {
  const spans: MarkSpan[] = props.flags.map((f) => ({
    id: f.id,
    start: f.start,
    end: f.end,
    current: f.id === props.currentId,
  }));
  const segments = segmentText(props.text, spans);
  return (
    <p class="text" dir="auto">
      {segments.map((s) => {
        if (s.spans.length === 0) return s.text;
        const current = s.spans.some((x) => x.current);
        const labels = s.spans
          .map((x) => props.flags.find((f) => f.id === x.id))
          .map((f) => (f === undefined ? '' : CATEGORY_LABELS[f.category]))
          .join(', ');
        if (props.masked) {
          return (
            <span
              key={s.start}
              class={current ? 'masked current' : 'masked'}
              style={{ width: `${Math.min(24, Math.max(2, [...s.text].length))}ch` }}
              role="img"
              aria-label={`flagged words hidden (${labels})`}
              title={`Flagged (${labels}): press V to reveal`}
            />
          );
        }
        return (
          <mark
            key={s.start}
            class={current ? 'span current' : 'span'}
            data-start={s.start}
            data-end={s.end}
            title={`Flagged: ${labels}`}
          >
            {s.text}
          </mark>
        );
      })}
    </p>
  );
}
