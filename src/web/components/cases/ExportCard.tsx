import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import type { CaseDetail, ExportWithRuns, RunView } from '../../api/types.js';
import { percent, shortHash, when } from '../../lib/format.js';
import { href } from '../../lib/router.js';
import { useSession } from '../context.js';
import { QcSetupDialog } from '../qc/QcSetupDialog.js';
import { QcStatsPanel } from '../qc/QcStats.js';
import { Notice } from '../ui/Notice.js';
import { navigate } from '../use-route.js';
import { CompareDialog } from './CompareDialog.js';

export function ExportCard(props: {
  caseRecord: CaseDetail;
  exportRow: ExportWithRuns;
  onChanged(): void;
}) {
  const { api } = useSession();
  const e = props.exportRow;
  const role = props.caseRecord.myRole;
  const [error, setError] = useState<string | null>(null);
  const startRun = async () => {
    setError(null);
    try {
      const { id } = await api.post<{ id: string }>(
        `/api/exports/${encodeURIComponent(e.id)}/runs`,
        {},
      );
      navigate({ name: 'review', runId: id });
    } catch (err) {
      setError(err instanceof ApiError ? err.problem.detail : 'The run did not start.');
    }
  };
  return (
    <section class="card export" aria-label={`Export ${e.fileName}`}>
      <header class="export-head">
        <h3>{e.fileName}</h3>
        <span class="muted">
          {e.format ?? 'unknown format'} · SHA-256{' '}
          <code title={e.sha256}>{shortHash(e.sha256)}</code> · {e.inScope.toLocaleString()}{' '}
          messages in scope, {e.outOfScope.toLocaleString()} out of scope · uploaded{' '}
          {when(e.createdAt)}
        </span>
        {role === 'investigator' && props.caseRecord.open && (
          <button type="button" onClick={startRun}>
            Start a run
          </button>
        )}
      </header>
      {error !== null && <Notice kind="error">{error}</Notice>}
      {e.runs.length === 0 ? (
        <p class="muted">Not screened yet.</p>
      ) : (
        <table class="table runs">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              <th scope="col">Flags</th>
              <th scope="col">Model</th>
              <th scope="col">Started</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {e.runs.map((run) => (
              <RunRow
                key={run.id}
                run={run}
                caseRecord={props.caseRecord}
                onChanged={props.onChanged}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RunRow(props: { run: RunView; caseRecord: CaseDetail; onChanged(): void }) {
  const { api } = useSession();
  const { run } = props;
  const role = props.caseRecord.myRole;
  const [dialog, setDialog] = useState<'qc' | 'compare' | null>(null);
  const [showQc, setShowQc] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = run.status === 'done';
  const replay = async () => {
    setError(null);
    try {
      const started = await api.post<{ id: string }>(
        `/api/runs/${encodeURIComponent(run.id)}/replay`,
      );
      navigate({ name: 'replay', runId: run.id, replayId: started.id });
    } catch (err) {
      setError(err instanceof ApiError ? err.problem.detail : 'The replay did not start.');
    }
  };
  return (
    <>
      <tr>
        <td>
          <code>{run.id}</code>
          {run.purpose !== 'screen' && <span class="badge muted">{run.purpose}</span>}
        </td>
        <td>
          {run.status}
          {run.status === 'running' && ` ${percent(run.progress.fraction)}`}
        </td>
        <td class="num">{run.counts.flags.toLocaleString()}</td>
        <td>
          {run.model.id} <code title={run.model.sha256}>{shortHash(run.model.sha256)}</code>
        </td>
        <td>{when(run.createdAt)}</td>
        <td class="row-actions">
          {(role === 'reviewer' || role === 'investigator') && run.purpose === 'screen' && (
            <a class="button primary" href={href({ name: 'review', runId: run.id })}>
              {role === 'reviewer' ? 'Review' : 'Open queue'}
            </a>
          )}
          {role === 'reviewer' && done && (
            <a class="button" href={href({ name: 'qc', runId: run.id })}>
              Second review
            </a>
          )}
          {done && run.purpose === 'screen' && (
            <button type="button" onClick={() => setShowQc((v) => !v)} aria-expanded={showQc}>
              Agreement
            </button>
          )}
          {role === 'investigator' && done && run.purpose === 'screen' && (
            <button type="button" onClick={() => setDialog('qc')}>
              Draw QC sample
            </button>
          )}
          {(role === 'investigator' || role === 'auditor') && done && run.purpose === 'screen' && (
            <>
              <button type="button" onClick={replay}>
                Replay
              </button>
              <button type="button" onClick={() => setDialog('compare')}>
                Compare…
              </button>
            </>
          )}
        </td>
      </tr>
      {(showQc || error !== null) && (
        <tr class="detail-row">
          <td colSpan={6}>
            {error !== null && <Notice kind="error">{error}</Notice>}
            {showQc && <QcStatsPanel runId={run.id} />}
          </td>
        </tr>
      )}
      {dialog === 'qc' && (
        <QcSetupDialog
          run={run}
          caseRecord={props.caseRecord}
          onClose={() => setDialog(null)}
          onDrawn={() => {
            setDialog(null);
            setShowQc(true);
          }}
        />
      )}
      {dialog === 'compare' && <CompareDialog run={run} onClose={() => setDialog(null)} />}
    </>
  );
}
