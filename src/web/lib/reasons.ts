import type { Outcome } from '../api/types.js';

/**
 * Reason codes a reviewer can pick with a number key; any other reason can be typed. The label is
 * what the decision records, so the report and the audit log read plainly.
 */
export const REASON_CODES: Record<Outcome, readonly string[]> = {
  relevant: [
    'Slur or epithet aimed at a protected group',
    'Derogatory generalisation about a group',
    'Threat or incitement of violence',
    'Harassment or abuse of a person',
    'Sexual or sexualised abuse',
  ],
  not_relevant: [
    'Quoting or reporting what someone else said',
    'Neutral mention of a group or identity',
    'Reclaimed or in-group use',
    'Ordinary language: the model was wrong',
    'Not about a person or group',
  ],
  needs_second_review: [
    'Ambiguous without more context',
    'Needs language or cultural expertise',
    'Coded or obfuscated language',
    'Possible disclosure of harm: escalate',
  ],
};
