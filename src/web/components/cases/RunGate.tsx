import type { ComponentChildren } from 'preact';
import type { CaseView, RunView } from '../../api/types.js';
import { useSession } from '../context.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';
import { CaseGate } from './CaseGate.js';

/** A page about one run: loads the run and its case, asks for the purpose, then renders. */
export function RunGate(props: {
  runId: string;
  title: string;
  children: (run: RunView, caseRecord: CaseView, purpose: string) => ComponentChildren;
}) {
  const { api } = useSession();
  const [data] = useAsync(
    async (signal) => {
      const run = await api.get<RunView>(`/api/runs/${encodeURIComponent(props.runId)}`, {
        signal,
      });
      const caseRecord = await api.get<CaseView>(`/api/cases/${encodeURIComponent(run.caseId)}`, {
        signal,
      });
      return { run, caseRecord };
    },
    [props.runId],
  );
  if (data.state === 'loading') return <Loading what="the run" />;
  if (data.state === 'error') {
    return (
      <main class="page">
        <Notice kind="error">{errorText(data.error)}</Notice>
      </main>
    );
  }
  const { run, caseRecord } = data.value;
  return (
    <CaseGate caseRecord={caseRecord} title={props.title}>
      {(purpose) => props.children(run, caseRecord, purpose)}
    </CaseGate>
  );
}
