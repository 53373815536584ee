import { type AuditTab, href } from '../../lib/router.js';
import { ChainStatus } from './ChainStatus.js';
import { EventLog } from './EventLog.js';
import { ModelList } from './ModelList.js';

const TABS: { tab: AuditTab; label: string }[] = [
  { tab: 'chain', label: 'Chain status' },
  { tab: 'events', label: 'Event log' },
  { tab: 'models', label: 'Model versions' },
];

/** The auditor's view: is the log intact, what happened, with which model versions. */
export function AuditPage(props: { tab: AuditTab }) {
  return (
    <main class="page">
      <h1>Audit</h1>
      <nav class="tabs" aria-label="Audit views">
        {TABS.map((t) => (
          <a
            key={t.tab}
            href={href({ name: 'audit', tab: t.tab })}
            aria-current={props.tab === t.tab ? 'page' : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      {props.tab === 'chain' && <ChainStatus />}
      {props.tab === 'events' && <EventLog />}
      {props.tab === 'models' && <ModelList />}
      <p class="muted small">
        Replays and case reports are on each case's page: open a case, then Replay, Compare or Case
        report.
      </p>
    </main>
  );
}
