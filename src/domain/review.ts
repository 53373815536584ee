/**
 * The human side of screening. Only a person writes a decision; nothing in the code makes one,
 * and the machine's category and score stay beside the decision, never merged into it.
 */
export const DECISION_OUTCOMES = ['relevant', 'not_relevant', 'needs_second_review'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** `screen`: an investigator's run; `replay`: same model package again; `compare`: another model. */
export const RUN_PURPOSES = ['screen', 'replay', 'compare'] as const;
export type RunPurpose = (typeof RUN_PURPOSES)[number];

/** Pseudonym shown instead of a sender's name until someone unmasks it with a reason. */
export function participantLabel(ordinal: number): string {
  return `Participant ${ordinal}`;
}
