import type { StreamState } from '../../api/sse.js';
import type { Category, FlagView, Outcome, RunView } from '../../api/types.js';
import { CATEGORIES, CATEGORY_LABELS, OUTCOME_LABELS, percent, score } from '../../lib/format.js';
import type { HistoryEntry } from '../../state/history.js';
import {
  type DecidedFilter,
  type QueueFilters,
  SCORE_BANDS,
  type SortOrder,
} from '../../state/queue.js';
import { VirtualList } from './VirtualList.js';

export const ROW_HEIGHT = 40;

const SHORT: Record<Outcome, string> = {
  relevant: 'Relevant',
  not_relevant: 'Not rel.',
  needs_second_review: '2nd review',
};

/**
 * A number last in its group, in a box wide enough for six digits: as it grows it extends into
 * its own room and nothing else moves.
 */
function Figure(props: { n: number; testId?: string }) {
  return (
    <span class="figure" data-testid={props.testId}>
      {props.n.toLocaleString()}
    </span>
  );
}

function Progress(props: { run: RunView; total: number; decided: number; state: StreamState }) {
  const { run } = props;
  const live = run.status === 'queued' || run.status === 'running';
  // A finished run whose flags are still coming down the stream is not "done" for the reader.
  const receiving = !live && run.status === 'done' && props.total < run.counts.flags;
  const status = receiving
    ? 'Receiving flags'
    : !live
      ? run.status === 'done'
        ? 'Screening done'
        : 'Screening failed'
      : props.state === 'reconnecting'
        ? 'Reconnecting…'
        : run.status === 'queued'
          ? 'Queued'
          : 'Screening';
  return (
    <div class="progress" aria-live="off">
      <div class="progress-line">
        <span class={`pill ${live || receiving ? 'live' : run.status}`}>{status}</span>
        <span class="count">
          Flags <Figure n={props.total} testId="flag-count" />
        </span>
        <span class="count muted">
          Decided <Figure n={props.decided} />
        </span>
      </div>
      <progress max={1} value={run.progress.fraction} aria-label="Screening progress" />
      <div class="muted small num">
        {run.progress.screened.toLocaleString()} of {run.progress.screenable.toLocaleString()}{' '}
        messages screened ({percent(run.progress.fraction)})
      </div>
    </div>
  );
}

function Filters(props: { filters: QueueFilters; onChange(filters: QueueFilters): void }) {
  const { filters } = props;
  const set = (patch: Partial<QueueFilters>) => props.onChange({ ...filters, ...patch });
  return (
    <div class="filters">
      <label>
        <span>Category</span>
        <select
          value={filters.category}
          onChange={(e) => set({ category: e.currentTarget.value as Category | 'all' })}
        >
          <option value="all">All categories</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Score</span>
        <select value={filters.band} onChange={(e) => set({ band: e.currentTarget.value })}>
          {SCORE_BANDS.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Decision</span>
        <select
          value={filters.decided}
          onChange={(e) => set({ decided: e.currentTarget.value as DecidedFilter })}
        >
          <option value="all">Decided or not</option>
          <option value="undecided">Undecided</option>
          <option value="decided">Decided</option>
        </select>
      </label>
      <label>
        <span>Sort</span>
        <select
          value={filters.sort}
          onChange={(e) => set({ sort: e.currentTarget.value as SortOrder })}
        >
          <option value="score">By score</option>
          <option value="conversation">Conversation order</option>
        </select>
      </label>
    </div>
  );
}

function Row(props: {
  flag: FlagView;
  outcome: Outcome | null;
  skipped: boolean;
  masked: boolean;
}) {
  const { flag } = props;
  return (
    <>
      <span class={`cat cat-${flag.category}`}>{CATEGORY_LABELS[flag.category]}</span>
      <span class="score num">{score(flag.score)}</span>
      <span class="snippet" dir="auto">
        {props.masked ? <span class="masked-inline">flagged words hidden</span> : flag.text}
      </span>
      <span class={`state ${props.outcome ?? (props.skipped ? 'skipped' : 'open')}`}>
        {props.outcome !== null ? SHORT[props.outcome] : props.skipped ? 'Skipped' : ''}
      </span>
    </>
  );
}

export function QueuePane(props: {
  run: RunView;
  state: StreamState;
  total: number;
  decided: number;
  order: readonly string[];
  filters: QueueFilters;
  onFilters(filters: QueueFilters): void;
  selectedId: string | null;
  onSelect(id: string): void;
  flagOf(id: string): FlagView | undefined;
  outcomeOf(id: string): Outcome | null;
  skipped: ReadonlySet<string>;
  masked: boolean;
  history: readonly HistoryEntry[];
  onEdit(entry: HistoryEntry): void;
  held: number;
  onSortIn(): void;
  onWindow(window: { first: number; last: number }): void;
}) {
  return (
    <aside class="queue-pane" aria-label="Flag queue">
      <Progress run={props.run} total={props.total} decided={props.decided} state={props.state} />
      <Filters filters={props.filters} onChange={props.onFilters} />
      <div class="list-head muted small">
        <span class="num">{props.order.length.toLocaleString()} shown</span>
        {props.held > 0 && (
          <span class="held">
            <button type="button" class="link small" onClick={props.onSortIn}>
              Sort in new flags <kbd>R</kbd>
            </button>{' '}
            held still: <Figure n={props.held} />
          </span>
        )}
      </div>
      <VirtualList
        ids={props.order}
        rowHeight={ROW_HEIGHT}
        selectedId={props.selectedId}
        onSelect={props.onSelect}
        label="Flags"
        onWindow={props.onWindow}
        renderRow={(id) => {
          const flag = props.flagOf(id);
          return flag === undefined ? null : (
            <Row
              flag={flag}
              outcome={props.outcomeOf(id)}
              skipped={props.skipped.has(id)}
              masked={props.masked}
            />
          );
        }}
      />
      <details class="recent">
        <summary>Your recent decisions ({props.history.length})</summary>
        {props.history.length === 0 ? (
          <p class="muted small">None yet. The last ten stay editable here or with Z.</p>
        ) : (
          <ol class="plain">
            {props.history.map((h) => (
              <li key={h.flagId}>
                <button type="button" class="link" onClick={() => props.onEdit(h)}>
                  {OUTCOME_LABELS[h.outcome]}: {h.reason}
                </button>
              </li>
            ))}
          </ol>
        )}
      </details>
    </aside>
  );
}
