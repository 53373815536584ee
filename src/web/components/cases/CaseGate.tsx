import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CaseView } from '../../api/types.js';
import { href } from '../../lib/router.js';
import { useReviewKeys } from '../review/use-review-keys.js';
import { PurposeBar, PurposeDialog, usePurpose } from './purpose.js';

/**
 * Wraps a page that reads content in a case: asks for the purpose once (per case and session),
 * shows it in a bar the reader can change, and renders the page with it.
 */
export function CaseGate(props: {
  caseRecord: CaseView;
  title: string;
  children: (purpose: string) => ComponentChildren;
}) {
  const [purpose, setPurpose] = usePurpose(props.caseRecord.id);
  const [changing, setChanging] = useState(false);
  const asking = purpose === null || changing;
  useReviewKeys((key) => {
    if (key !== 'p' || purpose === null) return false;
    setChanging(true);
    return true;
  });
  return (
    <main class="workspace">
      <div class="workspace-head">
        <nav class="crumbs" aria-label="Breadcrumb">
          <a href={href({ name: 'cases' })}>Cases</a> <span aria-hidden="true">/</span>{' '}
          <a href={href({ name: 'case', caseId: props.caseRecord.id })}>
            {props.caseRecord.reference}
          </a>{' '}
          <span aria-hidden="true">/</span> <span aria-current="page">{props.title}</span>
        </nav>
        {purpose !== null && <PurposeBar purpose={purpose} onChange={() => setChanging(true)} />}
      </div>
      {purpose !== null && props.children(purpose)}
      {asking && (
        <PurposeDialog
          caseRecord={props.caseRecord}
          current={purpose}
          onSave={(value) => {
            setPurpose(value);
            setChanging(false);
          }}
          onClose={() => {
            if (purpose === null)
              location.hash = href({ name: 'case', caseId: props.caseRecord.id });
            setChanging(false);
          }}
        />
      )}
    </main>
  );
}
