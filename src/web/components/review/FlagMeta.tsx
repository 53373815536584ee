import type { FlagView, Outcome } from '../../api/types.js';
import { CATEGORY_LABELS, OUTCOME_LABELS, score, shortHash } from '../../lib/format.js';

/** The machine's side, kept apart from the human decision: category, calibrated score, model. */
export function FlagMeta(props: {
  flag: FlagView;
  position: number;
  of: number;
  outcome: Outcome | null;
}) {
  const { flag } = props;
  return (
    <div class="flag-meta">
      <span class={`cat cat-${flag.category}`}>{CATEGORY_LABELS[flag.category]}</span>
      <span>
        score <strong class="num">{score(flag.score)}</strong>{' '}
        <span class="muted">(calibrated)</span>
      </span>
      <span class="muted">
        model {flag.model.id} <code title={flag.model.sha256}>{shortHash(flag.model.sha256)}</code>
      </span>
      <span class="muted num">
        {props.position > 0
          ? `${props.position.toLocaleString()} of ${props.of.toLocaleString()}`
          : 'not in the current filter'}
      </span>
      <span class={`decision-state ${props.outcome ?? 'open'}`}>
        {props.outcome === null ? 'Undecided' : `Decided: ${OUTCOME_LABELS[props.outcome]}`}
      </span>
    </div>
  );
}
