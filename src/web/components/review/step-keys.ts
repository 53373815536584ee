import type { Outcome } from '../../api/types.js';
import { outcomeOfKey } from '../../lib/keys.js';
import { REASON_CODES } from '../../lib/reasons.js';
import type { ReasonStep } from './ReasonPicker.js';

/** Keys while a reason is being chosen: digits pick and save, Enter saves, / types, Esc cancels. */
export function stepKey(
  key: string,
  step: ReasonStep,
  on: {
    setStep(step: ReasonStep): void;
    save(reason: string): void;
    cancel(): void;
    decide(outcome: Outcome): void;
  },
): boolean {
  const codes = REASON_CODES[step.outcome];
  if (/^[1-9]$/.test(key)) {
    const code = codes[Number(key) - 1];
    if (code !== undefined) on.save(code);
    return true;
  }
  switch (key) {
    case 'Enter':
      on.save(codes[step.selected] ?? '');
      return true;
    case 'Escape':
      on.cancel();
      return true;
    case '/':
      on.setStep({ ...step, typing: true });
      return true;
    case 'ArrowDown':
    case 'j':
      on.setStep({ ...step, selected: Math.min(codes.length - 1, step.selected + 1) });
      return true;
    case 'ArrowUp':
    case 'k':
      on.setStep({ ...step, selected: Math.max(0, step.selected - 1) });
      return true;
    default: {
      // Another decision key changes the outcome whose reason is being chosen.
      const outcome = outcomeOfKey(key);
      if (outcome !== null) on.decide(outcome);
      return outcome !== null;
    }
  }
}
