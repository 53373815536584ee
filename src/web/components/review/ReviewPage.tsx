import { RunGate } from '../cases/RunGate.js';
import { ReviewWorkspace } from './ReviewWorkspace.js';

export function ReviewPage(props: { runId: string }) {
  return (
    <RunGate runId={props.runId} title="Review">
      {(run, caseRecord, purpose) => (
        <ReviewWorkspace run={run} caseRecord={caseRecord} purpose={purpose} />
      )}
    </RunGate>
  );
}
