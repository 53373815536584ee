import type { Proportion, QcSummary } from '../../api/types.js';
import { percent, when } from '../../lib/format.js';
import { useSession } from '../context.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';

function Stat(props: { name: string; label: string; p: Proportion; of: string }) {
  const { p } = props;
  return (
    <div class="stat" data-stat={props.name}>
      <div class="stat-label">{props.label}</div>
      <div class="stat-value num">{percent(p.rate)}</div>
      <div class="stat-ci num">
        {p.low === null || p.high === null
          ? 'not measured yet'
          : `95% CI ${percent(p.low)}–${percent(p.high)}`}
      </div>
      <div class="stat-note muted">
        {p.count} of {p.total} {props.of}
      </div>
    </div>
  );
}

/**
 * Agreement, overturn rate and estimated misses of a run's blind second review, each with its
 * 95% Wilson score interval (it stays within 0–100% and is honest at the small counts QC has).
 */
export function QcStatsPanel(props: { runId: string; refresh?: number }) {
  const { api } = useSession();
  const [summary] = useAsync(
    (signal) => api.get<QcSummary>(`/api/runs/${encodeURIComponent(props.runId)}/qc`, { signal }),
    [props.runId, props.refresh],
  );
  if (summary.state === 'loading') return <Loading what="second-review figures" />;
  if (summary.state === 'error') return <Notice kind="error">{errorText(summary.error)}</Notice>;
  const { samples, progress, stats } = summary.value;
  if (samples.length === 0) {
    return <p class="muted">No second-review sample has been drawn for this run yet.</p>;
  }
  const est = stats.unflagged.estimatedMissed;
  return (
    <section class="qc-stats" aria-label="Second review figures">
      <p class="muted">
        {progress.decided} of {progress.items} second-review items decided. Intervals are 95% Wilson
        score intervals.
      </p>
      <div class="stat-grid">
        <Stat
          name="agreement"
          label="Agreement"
          p={stats.flags.agreement}
          of="re-reviewed flags got the same outcome"
        />
        <Stat
          name="overturn"
          label="Overturn rate"
          p={stats.flags.overturn}
          of="definite decisions were reversed"
        />
        <Stat
          name="missed"
          label="Missed by the model"
          p={stats.unflagged.missed}
          of="unflagged messages were judged relevant"
        />
      </div>
      {est !== null && (
        <p class="muted">
          Among the run's {stats.unflagged.population.toLocaleString()} unflagged messages that
          suggests about {Math.round(est.value)} missed (95% CI {Math.floor(est.low)}–
          {Math.ceil(est.high)}).
        </p>
      )}
      <details>
        <summary>Samples ({samples.length})</summary>
        <ul class="plain">
          {samples.map((s) => (
            <li key={s.id}>
              {when(s.createdAt)}: {s.flagsDrawn} of {s.flagsEligible} decided flags (
              {percent(s.flagShare)}), {s.unflaggedDrawn} unflagged messages; seed{' '}
              <code>{s.seed}</code>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
