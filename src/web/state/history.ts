import type { Outcome } from '../api/types.js';

/** One of the reviewer's own recent decisions, kept editable in this session. */
export interface HistoryEntry {
  flagId: string;
  decisionId: string;
  outcome: Outcome;
  reason: string;
  decidedAt: string;
}

export const HISTORY_LIMIT = 10;

/**
 * The newest decision first, one entry per flag (a re-decision replaces the older entry), at most
 * ten: "the last ten decisions stay editable".
 */
export function pushHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history.filter((h) => h.flagId !== entry.flagId)].slice(0, HISTORY_LIMIT);
}
