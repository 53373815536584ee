import type { FlagKey, Replay, RunView } from '../../api/types.js';
import { CATEGORY_LABELS, score, shortHash } from '../../lib/format.js';

type Row =
  | { kind: 'removed'; base: FlagKey }
  | { kind: 'added'; other: FlagKey }
  | { kind: 'changed'; base: FlagKey; other: FlagKey };

const keyOf = (row: Row) => (row.kind === 'added' ? row.other : row.base);

function rows(result: NonNullable<Replay['result']>): Row[] {
  const all: Row[] = [
    ...result.removed.map((base) => ({ kind: 'removed' as const, base })),
    ...result.added.map((other) => ({ kind: 'added' as const, other })),
    ...result.changed.map((c) => ({ kind: 'changed' as const, base: c.base, other: c.other })),
  ];
  return all.sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x.messageId < y.messageId ? -1 : x.messageId > y.messageId ? 1 : x.start - y.start;
  });
}

function Cell(props: { flag: FlagKey | null; other?: FlagKey | null }) {
  const { flag } = props;
  if (flag === null) return <td class="diff-empty">—</td>;
  const o = props.other ?? null;
  const differs = (k: keyof FlagKey) => o !== null && o[k] !== flag[k];
  return (
    <td>
      <code>{flag.messageId}</code>{' '}
      <span class={differs('start') || differs('end') ? 'diff-hl' : ''}>
        [{flag.start}, {flag.end})
      </span>{' '}
      <span class={differs('category') ? 'diff-hl' : ''}>{CATEGORY_LABELS[flag.category]}</span>{' '}
      <span class={differs('score') ? 'diff-hl num' : 'num'}>{score(flag.score)}</span>
    </td>
  );
}

function RunHead(props: { title: string; run: RunView }) {
  return (
    <th scope="col">
      {props.title} <code>{props.run.id}</code>
      <br />
      <span class="muted small">
        {props.run.model.id}{' '}
        <code title={props.run.model.sha256}>{shortHash(props.run.model.sha256)}</code> ·{' '}
        {props.run.counts.flags.toLocaleString()} flags · {props.run.status}
      </span>
    </th>
  );
}

export function ReplayDiff(props: { replay: Replay }) {
  const { replay } = props;
  const result = replay.result;
  return (
    <section class="replay" aria-label="Differences">
      {result === null ? (
        <p class="muted" role="status">
          {replay.status === 'failed'
            ? 'The replay failed.'
            : `Screening again: ${replay.run.status}…`}
        </p>
      ) : (
        <p
          class={result.identical ? 'verdict same' : 'verdict differs'}
          data-identical={String(result.identical)}
        >
          {result.identical
            ? `Identical: all ${result.unchanged.toLocaleString()} flags have the same span, category and score.`
            : `${result.unchanged.toLocaleString()} unchanged; ${result.counts.removed} only in the original, ${result.counts.added} only in the ${replay.kind === 'compare' ? 'comparison' : 'replay'}, ${result.counts.changed} changed.`}
        </p>
      )}
      <table class="table diff">
        <thead>
          <tr>
            <RunHead title="Original run" run={replay.base} />
            <RunHead
              title={replay.kind === 'compare' ? 'Comparison run' : 'Replay run'}
              run={replay.run}
            />
          </tr>
        </thead>
        <tbody>
          {result !== null &&
            rows(result).map((row) => (
              <tr
                key={`${keyOf(row).messageId}:${keyOf(row).start}:${keyOf(row).category}:${row.kind}`}
                class={`diff-${row.kind}`}
              >
                <Cell
                  flag={row.kind === 'added' ? null : row.base}
                  other={row.kind === 'changed' ? row.other : null}
                />
                <Cell
                  flag={row.kind === 'removed' ? null : row.other}
                  other={row.kind === 'changed' ? row.base : null}
                />
              </tr>
            ))}
          {result?.identical === true && (
            <tr>
              <td colSpan={2} class="muted">
                No difference to show.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
