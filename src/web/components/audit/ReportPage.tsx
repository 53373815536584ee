import { useState } from 'preact/hooks';
import type { CaseReport, CaseView, ReportDecision } from '../../api/types.js';
import {
  CATEGORY_LABELS,
  messageTime,
  OUTCOME_LABELS,
  score,
  shortHash,
  when,
} from '../../lib/format.js';
import { CaseGate } from '../cases/CaseGate.js';
import { useSession } from '../context.js';
import { MessageText } from '../review/MessageText.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';

export function ReportPage(props: { caseId: string }) {
  const { api } = useSession();
  const [caseRecord] = useAsync(
    (signal) => api.get<CaseView>(`/api/cases/${encodeURIComponent(props.caseId)}`, { signal }),
    [props.caseId],
  );
  if (caseRecord.state === 'loading') return <Loading what="the case" />;
  if (caseRecord.state === 'error') {
    return (
      <main class="page">
        <Notice kind="error">{errorText(caseRecord.error)}</Notice>
      </main>
    );
  }
  return (
    <CaseGate caseRecord={caseRecord.value} title="Case report">
      {(purpose) => <Report caseId={props.caseId} purpose={purpose} />}
    </CaseGate>
  );
}

/**
 * The case report: provenance, model versions, and each reviewed flag with the machine's output
 * and the people's decisions in separate columns. Reading it is a disclosure: justified, audited.
 */
function Report(props: { caseId: string; purpose: string }) {
  const { api } = useSession();
  const path = `/api/cases/${encodeURIComponent(props.caseId)}/report`;
  const [report] = useAsync(
    (signal) => api.get<CaseReport>(path, { signal, justification: props.purpose }),
    [path, props.purpose],
  );
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = async () => {
    try {
      const html = await api.get<string>(path, {
        justification: props.purpose,
        query: { format: 'html' },
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      link.download = `chatscreen-report-${props.caseId}.html`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      setDownloadError(e instanceof Error ? errorText(e) : 'The report was not produced.');
    }
  };
  if (report.state === 'loading') return <Loading what="the report" />;
  if (report.state === 'error') return <Notice kind="error">{errorText(report.error)}</Notice>;
  const r = report.value;
  return (
    <div class="page report">
      <header class="case-head">
        <h1>Case report: {r.case.reference}</h1>
        <p class="muted">
          Generated {when(r.generatedAt)}. Legal basis: {r.case.legalBasis}. Authorised by{' '}
          {r.case.authorisedBy}; expires {when(r.case.expiresAt)}.
        </p>
        <button type="button" onClick={download}>
          Download as HTML
        </button>
        {downloadError !== null && <Notice kind="error">{downloadError}</Notice>}
      </header>
      <h2>Exports</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Format</th>
            <th scope="col">Messages</th>
            <th scope="col">Uploaded</th>
          </tr>
        </thead>
        <tbody>
          {r.exports.map((e) => (
            <tr key={e.id}>
              <td>{e.fileName}</td>
              <td>
                <code class="hash">{e.sha256}</code>
              </td>
              <td>{e.format}</td>
              <td class="num">
                {e.inScope.toLocaleString()} in scope, {e.outOfScope.toLocaleString()} out
              </td>
              <td>{when(e.uploadedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Runs and model versions</h2>
      <ul class="plain">
        {r.runs.map((run) => (
          <li key={run.id}>
            <code>{run.id}</code> ({run.purpose}, {run.status}): {run.model.id}{' '}
            <code title={run.model.sha256}>{shortHash(run.model.sha256)}</code>
          </li>
        ))}
      </ul>
      <h2>Reviewed flags ({r.reviewedFlags.length})</h2>
      {r.reviewedFlags.map((f) => (
        <article key={f.flagId} class="card reviewed">
          <p class="muted small">
            {f.message.sender?.label ?? 'System'} · {messageTime(f.message)} ·{' '}
            {f.message.source.file || 'export'}
            {f.message.source.line !== null && `, line ${f.message.source.line}`}
          </p>
          <MessageText
            text={f.message.text}
            flags={[
              {
                ...f.machine,
                id: f.flagId,
                runId: f.runId,
                seq: 0,
                messageId: f.message.id,
                messageSeq: f.message.seq,
              },
            ]}
            currentId={f.flagId}
            masked={false}
          />
          <div class="apart">
            <section aria-label="Machine output">
              <h3>Machine</h3>
              <p>
                {CATEGORY_LABELS[f.machine.category]}, score {score(f.machine.score)}, span [
                {f.machine.start}, {f.machine.end}), model {f.machine.model.id}
              </p>
            </section>
            <section aria-label="Human decisions">
              <h3>Human</h3>
              <Decisions decisions={f.human} />
              {f.secondReview.length > 0 && (
                <>
                  <h4>Blind second review</h4>
                  <Decisions decisions={f.secondReview} />
                </>
              )}
            </section>
          </div>
        </article>
      ))}
      <h2>
        Unflagged messages a second reviewer found relevant ({r.unflaggedFoundRelevant.length})
      </h2>
      {r.unflaggedFoundRelevant.map((u) => (
        <article key={u.message.id} class="card found">
          <p class="muted small">
            {u.message.sender?.label ?? 'System'} · {messageTime(u.message)} ·{' '}
            {u.message.source.file || 'export'}
            {u.message.source.line !== null && `, line ${u.message.source.line}`}
          </p>
          <MessageText text={u.message.text} flags={[]} currentId={null} masked={false} />
          <section aria-label="Second review">
            <h3>Blind second review</h3>
            <Decisions decisions={u.secondReview} />
          </section>
        </article>
      ))}
    </div>
  );
}

function Decisions(props: { decisions: readonly ReportDecision[] }) {
  return (
    <ul class="plain">
      {props.decisions.map((d) => (
        <li key={d.id}>
          <strong>{OUTCOME_LABELS[d.outcome]}</strong>: {d.reason}{' '}
          <span class="muted">({when(d.decidedAt)})</span>
        </li>
      ))}
    </ul>
  );
}
