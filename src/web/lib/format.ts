import type { Category, MessageView, Outcome, Proportion } from '../api/types.js';

export const CATEGORY_LABELS: Record<Category, string> = {
  race: 'Race',
  religion: 'Religion',
  sex: 'Sex',
  sexual_orientation: 'Sexual orientation',
  gender_identity: 'Gender identity',
  disability: 'Disability',
  threat: 'Threat',
  sexual_violence: 'Sexual violence',
  insult: 'Insult',
  profanity: 'Profanity',
};

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  relevant: 'Relevant',
  not_relevant: 'Not relevant',
  needs_second_review: 'Needs second review',
};

/** Calibrated scores with two decimals: "0.93". */
export function score(value: number): string {
  return value.toFixed(2);
}

export function percent(value: number | null, digits = 0): string {
  return value === null ? '–' : `${(value * 100).toFixed(digits)}%`;
}

/** "25% (95% CI 5–70%)", or a dash when nothing was measured yet. */
export function proportion(p: Proportion): string {
  if (p.rate === null || p.low === null || p.high === null) return '–';
  return `${percent(p.rate)} (95% CI ${percent(p.low)}–${percent(p.high)})`;
}

/** The time as the source wrote it when known, otherwise the instant in UTC. */
export function messageTime(m: Pick<MessageView, 'sentAt' | 'sentAtLocal'>): string {
  if (m.sentAtLocal !== null) return m.sentAtLocal.replace('T', ' ');
  if (m.sentAt !== null) return `${m.sentAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC`;
  return 'no time';
}

export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** An ISO instant shown in the reader's own time zone, to the minute. */
export function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
