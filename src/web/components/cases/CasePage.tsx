import { useState } from 'preact/hooks';
import type { CaseDetail, ExportView, ExportWithRuns } from '../../api/types.js';
import { when } from '../../lib/format.js';
import { href } from '../../lib/router.js';
import { useSession } from '../context.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';
import { ExportCard } from './ExportCard.js';
import { UploadForm } from './UploadForm.js';

/** One case: its authorisation, exports and runs, with what the reader's role may do. */
export function CasePage(props: { caseId: string }) {
  const { api } = useSession();
  const [data, reload] = useAsync(
    async (signal) => {
      const path = `/api/cases/${encodeURIComponent(props.caseId)}`;
      const [detail, exports] = await Promise.all([
        api.get<CaseDetail>(path, { signal }),
        api.get<{ items: ExportView[] }>(`${path}/exports`, { signal }),
      ]);
      const withRuns = await Promise.all(
        exports.items.map((e) =>
          api.get<ExportWithRuns>(`/api/exports/${encodeURIComponent(e.id)}`, { signal }),
        ),
      );
      return { detail, exports: withRuns };
    },
    [props.caseId],
  );
  const [uploading, setUploading] = useState(false);

  if (data.state === 'loading') return <Loading what="the case" />;
  if (data.state === 'error') {
    return (
      <main class="page">
        <Notice kind="error">{errorText(data.error)}</Notice>
      </main>
    );
  }
  const { detail, exports } = data.value;
  const role = detail.myRole;
  return (
    <main class="page">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={href({ name: 'cases' })}>Cases</a> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{detail.reference}</span>
      </nav>
      <header class="case-head">
        <h1>
          Case {detail.reference}{' '}
          <span class={detail.open ? 'badge ok' : 'badge muted'}>
            {detail.open ? 'open' : 'closed'}
          </span>
        </h1>
        <dl class="facts">
          <div>
            <dt>Legal basis</dt>
            <dd>{detail.legalBasis}</dd>
          </div>
          <div>
            <dt>Authorised by</dt>
            <dd>{detail.authorisedBy}</dd>
          </div>
          <div>
            <dt>Expires</dt>
            <dd>{when(detail.expiresAt)}</dd>
          </div>
          <div>
            <dt>Scope</dt>
            <dd>
              {detail.scope.from === null && detail.scope.to === null
                ? 'any date'
                : `${detail.scope.from === null ? '…' : when(detail.scope.from)} to ${detail.scope.to === null ? '…' : when(detail.scope.to)}`}
              {detail.scope.participants === null
                ? ', all participants'
                : `, ${detail.scope.participants.length} named participants`}
            </dd>
          </div>
          <div>
            <dt>Your role</dt>
            <dd>{role}</dd>
          </div>
        </dl>
        <div class="actions">
          {(role === 'investigator' || role === 'auditor') && (
            <a class="button" href={href({ name: 'report', caseId: detail.id })}>
              Case report
            </a>
          )}
          {role === 'investigator' && detail.open && (
            <button type="button" onClick={() => setUploading((u) => !u)} aria-expanded={uploading}>
              Upload an export
            </button>
          )}
        </div>
        {uploading && (
          <UploadForm
            caseId={detail.id}
            onDone={() => {
              setUploading(false);
              reload();
            }}
          />
        )}
      </header>
      <h2>Exports and runs</h2>
      {exports.length === 0 && <Notice>No export has been uploaded to this case yet.</Notice>}
      {exports.map((e) => (
        <ExportCard key={e.id} caseRecord={detail} exportRow={e} onChanged={reload} />
      ))}
    </main>
  );
}
