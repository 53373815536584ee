import type { Outcome } from '../../api/types.js';
import { KEYS } from '../../lib/keys.js';
import { Kbd } from '../ui/Kbd.js';

export interface DecisionActions {
  decide(outcome: Outcome): void;
  skip(): void;
  undo(): void;
  next(): void;
  previous(): void;
}

/** The decision keys, each shown on its button (Prodigy's habit). */
export function DecisionBar(props: {
  actions: DecisionActions;
  current: Outcome | null;
  canUndo: boolean;
  disabled: boolean;
  /** Second review has no undo history of its own: items are re-decided in place. */
  withUndo?: boolean;
}) {
  const { actions } = props;
  const choice = (outcome: Outcome, label: string, key: string) => (
    <button
      type="button"
      class={`decide ${outcome}`}
      aria-pressed={props.current === outcome}
      disabled={props.disabled}
      onClick={() => actions.decide(outcome)}
    >
      {label} <Kbd k={key} />
    </button>
  );
  return (
    <div class="decision-bar" role="toolbar" aria-label="Decision">
      <div class="group">
        {choice('relevant', 'Relevant', KEYS.relevant)}
        {choice('not_relevant', 'Not relevant', KEYS.notRelevant)}
        {choice('needs_second_review', 'Second review', KEYS.secondReview)}
      </div>
      <div class="group">
        <button type="button" onClick={actions.skip} disabled={props.disabled}>
          Skip <Kbd k={KEYS.skip} />
        </button>
        {props.withUndo !== false && (
          <button type="button" onClick={actions.undo} disabled={!props.canUndo}>
            Undo <Kbd k={KEYS.undo} />
          </button>
        )}
        <button type="button" onClick={actions.previous}>
          Previous <Kbd k={KEYS.previous} />
        </button>
        <button type="button" onClick={actions.next}>
          Next <Kbd k={KEYS.next} />
        </button>
      </div>
    </div>
  );
}
