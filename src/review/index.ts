export { recordDecision } from './decisions.js';
export { type FlagDetail, type FlagPage, getFlag, listFlags } from './flags.js';
export * from './qc/index.js';
export { type CaseReport, caseReport } from './report.js';
export { type FlagDecisionState, listRunDecisions } from './run-decisions.js';
export { nextFlagEvents, openFlagStream } from './stream.js';
export { type Unmasked, unmaskParticipant } from './unmask.js';
export { type FlagView, flagView, type MessageView, messageView } from './views.js';
