import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Outcome } from '../../api/types.js';
import { OUTCOME_LABELS } from '../../lib/format.js';
import { REASON_CODES } from '../../lib/reasons.js';

export interface ReasonStep {
  outcome: Outcome;
  /** The highlighted reason code (Enter saves it) unless a reason is typed. */
  selected: number;
  custom: string;
  typing: boolean;
}

/**
 * The reason for a decision: pick a code with its number (saves at once), Enter for the
 * highlighted one, or `/` to type one's own. A decision is never saved without a reason.
 */
export function ReasonPicker(props: {
  step: ReasonStep;
  onChange(step: ReasonStep): void;
  onSave(reason: string): void;
  onCancel(): void;
}) {
  const { step } = props;
  const codes = REASON_CODES[step.outcome];
  const field = useRef<HTMLTextAreaElement>(null);
  // Focus before the next key arrives: what follows `/` is the reason being typed.
  useLayoutEffect(() => {
    if (step.typing) field.current?.focus();
  }, [step.typing]);
  return (
    <section
      class={`reason-picker ${step.outcome}`}
      aria-label={`Reason for ${OUTCOME_LABELS[step.outcome]}`}
    >
      <h3>
        {OUTCOME_LABELS[step.outcome]}: why?{' '}
        <span class="muted">(number, Enter, or / to type)</span>
      </h3>
      <ol class="codes">
        {codes.map((code, i) => (
          <li key={code}>
            <button
              type="button"
              class={i === step.selected && step.custom.trim() === '' ? 'code selected' : 'code'}
              onClick={() => props.onSave(code)}
            >
              <kbd>{i + 1}</kbd> {code}
            </button>
          </li>
        ))}
      </ol>
      <label for="own-reason">
        Your own reason <kbd>/</kbd>
      </label>
      <textarea
        id="own-reason"
        ref={field}
        rows={2}
        maxLength={2000}
        value={step.custom}
        onFocus={() => !step.typing && props.onChange({ ...step, typing: true })}
        onInput={(e) => props.onChange({ ...step, custom: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            const typed = step.custom.trim();
            props.onSave(typed === '' ? (codes[step.selected] ?? '') : typed);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            props.onCancel();
          }
        }}
      />
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() =>
            props.onSave(
              step.custom.trim() === '' ? (codes[step.selected] ?? '') : step.custom.trim(),
            )
          }
        >
          Save and next <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
