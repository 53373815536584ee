import type { CaseView } from '../../api/types.js';
import { when } from '../../lib/format.js';
import { href } from '../../lib/router.js';
import { useSession } from '../context.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';

export function CaseList() {
  const { api, me } = useSession();
  const [cases] = useAsync(
    (signal) => api.get<{ items: CaseView[] }>('/api/cases', { signal }),
    [],
  );
  return (
    <main class="page narrow-page">
      <h1>Your cases</h1>
      {me.role === 'admin' && (
        <Notice>
          Administrators manage users and see no content. Users are managed with{' '}
          <code>chatscreen users</code> or the API.
        </Notice>
      )}
      {cases.state === 'loading' && <Loading what="cases" />}
      {cases.state === 'error' && <Notice kind="error">{errorText(cases.error)}</Notice>}
      {cases.state === 'ready' && cases.value.items.length === 0 && me.role !== 'admin' && (
        <Notice>You are not on any case yet. An investigator adds you to a case.</Notice>
      )}
      {cases.state === 'ready' && cases.value.items.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Your role</th>
              <th scope="col">Status</th>
              <th scope="col">Authorised by</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {cases.value.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={href({ name: 'case', caseId: c.id })}>{c.reference}</a>
                </td>
                <td>{c.myRole}</td>
                <td>
                  <span class={c.open ? 'badge ok' : 'badge muted'}>
                    {c.open ? 'open' : 'closed'}
                  </span>
                </td>
                <td>{c.authorisedBy}</td>
                <td>{when(c.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
