import type { Category, FlagView, Outcome } from '../api/types.js';

export type SortOrder = 'score' | 'conversation';
export type DecidedFilter = 'all' | 'undecided' | 'decided';

export interface ScoreBand {
  id: string;
  label: string;
  /** Inclusive lower bound, exclusive upper bound, like the API's minScore/maxScore. */
  min: number;
  max: number;
}

export const SCORE_BANDS: readonly ScoreBand[] = [
  { id: 'all', label: 'Any score', min: 0, max: 2 },
  { id: 'high', label: '0.90 and above', min: 0.9, max: 2 },
  { id: 'medium', label: '0.70 – 0.90', min: 0.7, max: 0.9 },
  { id: 'low', label: '0.50 – 0.70', min: 0.5, max: 0.7 },
  { id: 'below', label: 'Below 0.50', min: 0, max: 0.5 },
];

export interface QueueFilters {
  category: Category | 'all';
  band: string;
  decided: DecidedFilter;
  sort: SortOrder;
}

export const DEFAULT_FILTERS: QueueFilters = {
  category: 'all',
  band: 'all',
  decided: 'all',
  sort: 'score',
};

function byScore(a: FlagView, b: FlagView): number {
  return b.score - a.score || a.seq - b.seq;
}

function byConversation(a: FlagView, b: FlagView): number {
  return a.messageSeq - b.messageSeq || a.start - b.start || a.end - b.end || a.seq - b.seq;
}

/**
 * The flags of a run as they arrive, with the decision in force on each. Pure and DOM-free: the
 * page keeps one per run and asks it for the ordered, filtered ids it shows (20,000 flags sort in
 * a few milliseconds, so the order is simply recomputed when something changes).
 */
export class FlagQueue {
  private readonly flags: FlagView[] = [];
  private readonly byId = new Map<string, FlagView>();
  private readonly byMessage = new Map<string, string[]>();
  private readonly decisions = new Map<string, Outcome>();

  /** Adds flags not seen before (a resumed stream never repeats, but be safe); returns how many. */
  add(flags: readonly FlagView[]): number {
    let added = 0;
    for (const flag of flags) {
      if (this.byId.has(flag.id)) continue;
      this.flags.push(flag);
      this.byId.set(flag.id, flag);
      const same = this.byMessage.get(flag.messageId);
      if (same === undefined) this.byMessage.set(flag.messageId, [flag.id]);
      else same.push(flag.id);
      added += 1;
    }
    return added;
  }

  get size(): number {
    return this.flags.length;
  }

  get(id: string): FlagView | undefined {
    return this.byId.get(id);
  }

  /** The highest flag seq received: where a resumed stream continues. */
  lastSeq(): number {
    let last = 0;
    for (const f of this.flags) if (f.seq > last) last = f.seq;
    return last;
  }

  setDecision(flagId: string, outcome: Outcome | null): void {
    if (outcome === null) this.decisions.delete(flagId);
    else this.decisions.set(flagId, outcome);
  }

  decisionOf(flagId: string): Outcome | null {
    return this.decisions.get(flagId) ?? null;
  }

  decidedCount(): number {
    return this.decisions.size;
  }

  /** Every flag on the same message, the given one included. */
  sameMessage(messageId: string): FlagView[] {
    return (this.byMessage.get(messageId) ?? []).flatMap((id) => this.byId.get(id) ?? []);
  }

  /** The ids to show, filtered and sorted. */
  order(filters: QueueFilters): string[] {
    const band = SCORE_BANDS.find((b) => b.id === filters.band) ?? SCORE_BANDS[0];
    const kept = this.flags.filter((f) => {
      if (filters.category !== 'all' && f.category !== filters.category) return false;
      if (band !== undefined && (f.score < band.min || f.score >= band.max)) return false;
      if (filters.decided !== 'all') {
        const decided = this.decisions.has(f.id);
        if (decided !== (filters.decided === 'decided')) return false;
      }
      return true;
    });
    kept.sort(filters.sort === 'score' ? byScore : byConversation);
    return kept.map((f) => f.id);
  }
}

/**
 * Where to go after deciding or skipping the flag at `index` of `order`: the next flag without a
 * decision, else the next one, else stay.
 */
export function nextUndecided(
  order: readonly string[],
  index: number,
  isDecided: (id: string) => boolean,
): string | null {
  for (let i = index + 1; i < order.length; i += 1) {
    const id = order[i];
    if (id !== undefined && !isDecided(id)) return id;
  }
  return order[index + 1] ?? null;
}
