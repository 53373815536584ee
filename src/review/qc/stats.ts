import { DECISION_OUTCOMES, type DecisionOutcome } from '../../domain/index.js';
import type { QcItemRecord } from '../../store/index.js';
import { type Proportion, wilson } from './wilson.js';

export type OutcomePairs = Record<DecisionOutcome, Record<DecisionOutcome, number>>;

/** What the blind second review measured, over every sample of a run. */
export interface QcStats {
  method: 'wilson-95';
  flags: {
    sampled: number;
    reviewed: number;
    /** The second outcome equals the first. */
    agreement: Proportion;
    /**
     * Of the pairs where both outcomes are definite (relevant or not relevant), how many the
     * second reviewer reversed. "Needs second review" on either side is neither kept nor reversed.
     */
    overturn: Proportion;
    /** first outcome -> second outcome -> count. */
    pairs: OutcomePairs;
  };
  unflagged: {
    sampled: number;
    reviewed: number;
    /** Unflagged messages the second reviewer judged relevant: what the model missed. */
    missed: Proportion;
    /** Screened messages of the run without any flag, and the misses the rate implies there. */
    population: number;
    estimatedMissed: { value: number; low: number; high: number } | null;
  };
}

const DEFINITE: ReadonlySet<DecisionOutcome> = new Set(['relevant', 'not_relevant']);

function emptyPairs(): OutcomePairs {
  const row = () =>
    Object.fromEntries(DECISION_OUTCOMES.map((o) => [o, 0])) as Record<DecisionOutcome, number>;
  return Object.fromEntries(DECISION_OUTCOMES.map((o) => [o, row()])) as OutcomePairs;
}

/**
 * Pure: items, the outcome of each item's first decision (by decision id), the latest second
 * outcome of each item (by item id), and the number of unflagged screened messages.
 */
export function qcStats(input: {
  items: readonly QcItemRecord[];
  firstOutcomes: ReadonlyMap<string, DecisionOutcome>;
  secondOutcomes: ReadonlyMap<string, DecisionOutcome>;
  unflaggedPopulation: number;
}): QcStats {
  const pairs = emptyPairs();
  let flagItems = 0;
  let reviewedFlags = 0;
  let agreed = 0;
  let definite = 0;
  let overturned = 0;
  let messageItems = 0;
  let reviewedMessages = 0;
  let missed = 0;
  for (const item of input.items) {
    const second = input.secondOutcomes.get(item.id);
    if (item.kind === 'message') {
      messageItems += 1;
      if (second === undefined) continue;
      reviewedMessages += 1;
      if (second === 'relevant') missed += 1;
      continue;
    }
    flagItems += 1;
    const first =
      item.firstDecisionId === null ? undefined : input.firstOutcomes.get(item.firstDecisionId);
    if (second === undefined || first === undefined) continue;
    reviewedFlags += 1;
    pairs[first][second] += 1;
    if (first === second) agreed += 1;
    if (DEFINITE.has(first) && DEFINITE.has(second)) {
      definite += 1;
      if (first !== second) overturned += 1;
    }
  }
  const missedRate = wilson(missed, reviewedMessages);
  const population = input.unflaggedPopulation;
  return {
    method: 'wilson-95',
    flags: {
      sampled: flagItems,
      reviewed: reviewedFlags,
      agreement: wilson(agreed, reviewedFlags),
      overturn: wilson(overturned, definite),
      pairs,
    },
    unflagged: {
      sampled: messageItems,
      reviewed: reviewedMessages,
      missed: missedRate,
      population,
      estimatedMissed:
        missedRate.rate === null || missedRate.low === null || missedRate.high === null
          ? null
          : {
              value: missedRate.rate * population,
              low: missedRate.low * population,
              high: missedRate.high * population,
            },
    },
  };
}
