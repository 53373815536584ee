import type { Outcome } from '../api/types.js';

/**
 * The review keys, shown on the buttons and listed under `?`. Prodigy's habits where they fit:
 * A accept (relevant), X reject (not relevant), Backspace undo; E escalates (needs second review).
 */
export const KEYS = {
  relevant: 'a',
  notRelevant: 'x',
  secondReview: 'e',
  skip: 's',
  undo: 'z',
  next: 'j',
  previous: 'k',
  context: 'c',
  unmask: 'u',
  mask: 'm',
  reveal: 'v',
  purpose: 'p',
  help: '?',
} as const;

/** The outcome a decision key stands for, or null for any other key. */
export function outcomeOfKey(key: string): Outcome | null {
  if (key === KEYS.relevant) return 'relevant';
  if (key === KEYS.notRelevant) return 'not_relevant';
  if (key === KEYS.secondReview) return 'needs_second_review';
  return null;
}

export interface HelpRow {
  keys: string[];
  action: string;
}

export const REVIEW_HELP: HelpRow[] = [
  { keys: ['A'], action: 'Relevant: confirm the flag (then pick or type a reason)' },
  { keys: ['X'], action: 'Not relevant' },
  { keys: ['E'], action: 'Needs second review (escalate)' },
  { keys: ['1', '…', '9'], action: 'Pick a reason code and save' },
  { keys: ['Enter'], action: 'Save with the highlighted reason' },
  { keys: ['/'], action: 'Type your own reason' },
  { keys: ['S'], action: 'Skip: move on without deciding' },
  {
    keys: ['Z', 'Backspace'],
    action: 'Undo: reopen your last decision (the last ten stay editable)',
  },
  { keys: ['J', '↓'], action: 'Next flag' },
  { keys: ['K', '↑'], action: 'Previous flag' },
  { keys: ['Home', 'End'], action: 'First or last flag in the queue' },
  { keys: ['C'], action: 'More conversation around the flag' },
  { keys: ['R'], action: 'Sort in new flags held back so that nothing on screen moved' },
  { keys: ['U'], action: 'Unmask the sender (asks for a reason, audited)' },
  { keys: ['M'], action: 'Mask or show flagged words (wellbeing)' },
  { keys: ['V'], action: 'Reveal the masked words of this flag' },
  { keys: ['P'], action: 'Change the purpose stated for this case' },
  { keys: ['?'], action: 'This list' },
  { keys: ['Esc'], action: 'Close a dialog or cancel the reason' },
];

/** Typing in a field must never trigger a review key. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
  }
  return false;
}
