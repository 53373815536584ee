import { useState } from 'preact/hooks';
import type { AuditEvent, CaseView } from '../../api/types.js';
import { when } from '../../lib/format.js';
import { useSession } from '../context.js';
import { Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';

interface OpenApi {
  components?: { schemas?: { AuditEvent?: { properties?: { action?: { enum?: string[] } } } } };
}

/** The audit actions, from the service's own OpenAPI document: never a second list to keep. */
async function auditActions(signal: AbortSignal): Promise<string[]> {
  const response = await fetch('/openapi.json', { signal });
  const doc = (await response.json()) as OpenApi;
  return doc.components?.schemas?.AuditEvent?.properties?.action?.enum ?? [];
}

interface Filters {
  caseId: string;
  action: string;
  actorId: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { caseId: '', action: '', actorId: '', from: '', to: '' };
const PAGE = 100;

function iso(local: string): string | undefined {
  if (local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The event log with filters; each page read is itself an audited event. */
export function EventLog() {
  const { api } = useSession();
  const [cases] = useAsync(
    (signal) => api.get<{ items: CaseView[] }>('/api/cases', { signal }),
    [],
  );
  const [actions] = useAsync(auditActions, []);
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [extra, setExtra] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const query = (afterSeq: number) => ({
    caseId: filters.caseId || undefined,
    action: filters.action || undefined,
    actorId: filters.actorId.trim() || undefined,
    from: iso(filters.from),
    to: iso(filters.to),
    afterSeq,
    limit: PAGE,
  });
  const [first] = useAsync(
    async (signal) => {
      const page = await api.get<{ items: AuditEvent[]; nextAfterSeq: number | null }>(
        '/api/audit/events',
        {
          signal,
          query: query(0),
        },
      );
      setExtra([]);
      setCursor(page.nextAfterSeq);
      return page;
    },
    [filters],
  );
  const referenceOf = (id: string | null) =>
    id === null
      ? '—'
      : ((cases.state === 'ready'
          ? cases.value.items.find((c) => c.id === id)?.reference
          : undefined) ?? id);
  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));
  const events = first.state === 'ready' ? [...first.value.items, ...extra] : [];
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">Event log</h2>
      <form
        class="filters log-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <label>
          <span>Case</span>
          <select value={draft.caseId} onChange={(e) => set({ caseId: e.currentTarget.value })}>
            <option value="">All my cases and none</option>
            {cases.state === 'ready' &&
              cases.value.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.reference}
                </option>
              ))}
          </select>
        </label>
        <label>
          <span>Action</span>
          <select value={draft.action} onChange={(e) => set({ action: e.currentTarget.value })}>
            <option value="">Any action</option>
            {(actions.state === 'ready' ? actions.value : []).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Actor id</span>
          <input
            value={draft.actorId}
            onInput={(e) => set({ actorId: e.currentTarget.value })}
            placeholder="u_…"
          />
        </label>
        <label>
          <span>From</span>
          <input
            type="datetime-local"
            value={draft.from}
            onInput={(e) => set({ from: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>To</span>
          <input
            type="datetime-local"
            value={draft.to}
            onInput={(e) => set({ to: e.currentTarget.value })}
          />
        </label>
        <button type="submit" class="primary">
          Apply
        </button>
      </form>
      {first.state === 'error' && <Notice kind="error">{errorText(first.error)}</Notice>}
      <div class="table-scroll">
        <table class="table log">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Case</th>
              <th scope="col">Subject</th>
              <th scope="col">Justification</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq} data-action={e.action}>
                <td class="num">{e.seq}</td>
                <td>{when(e.at)}</td>
                <td>
                  {e.actor.kind === 'user' ? <code>{e.actor.id}</code> : e.actor.kind}
                  {e.actor.kind === 'operator' && <code> {e.actor.id}</code>}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{referenceOf(e.caseId)}</td>
                <td>
                  {e.subject === null ? '—' : <code>{`${e.subject.type} ${e.subject.id}`}</code>}
                </td>
                <td class="justification">{e.justification ?? '—'}</td>
                <td class="details">
                  <code>{JSON.stringify(e.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {first.state === 'ready' && events.length === 0 && <p class="muted">No event matches.</p>}
      {cursor !== null && (
        <button
          type="button"
          onClick={async () => {
            const page = await api.get<{ items: AuditEvent[]; nextAfterSeq: number | null }>(
              '/api/audit/events',
              {
                query: query(cursor),
              },
            );
            setExtra((x) => [...x, ...page.items]);
            setCursor(page.nextAfterSeq);
          }}
        >
          Load more
        </button>
      )}
    </section>
  );
}
