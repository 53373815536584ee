import { RunGate } from '../cases/RunGate.js';
import { QcWorkspace } from './QcWorkspace.js';

export function QcPage(props: { runId: string }) {
  return (
    <RunGate runId={props.runId} title="Blind second review">
      {(run, _caseRecord, purpose) => <QcWorkspace run={run} purpose={purpose} />}
    </RunGate>
  );
}
