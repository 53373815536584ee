import type { ChainVerification } from '../../api/types.js';
import { useSession } from '../context.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';

const PROBLEMS: Record<string, string> = {
  hash_mismatch: 'an event was edited (its hash no longer matches its content)',
  broken_link: 'an event does not follow the one before it (edited and re-hashed, or reordered)',
  sequence_gap: 'an event is missing',
  head_mismatch: 'the last events were removed',
};

export function ChainStatus() {
  const { api } = useSession();
  const [result, verify] = useAsync(
    (signal) => api.get<ChainVerification>('/api/audit/verify', { signal }),
    [],
  );
  return (
    <section class="card chain" aria-labelledby="chain-title">
      <h2 id="chain-title">Hash chain</h2>
      {result.state === 'loading' && <Loading what="the verification" />}
      {result.state === 'error' && <Notice kind="error">{errorText(result.error)}</Notice>}
      {result.state === 'ready' &&
        (result.value.ok ? (
          <p class="chain-ok" data-chain="ok">
            <span class="badge ok">Intact</span> {result.value.events.toLocaleString()} events, each
            hashed with the one before it.
          </p>
        ) : (
          <p class="chain-broken" data-chain="broken">
            <span class="badge bad">Broken</span> at event {result.value.firstBrokenAt}:{' '}
            {PROBLEMS[result.value.problem ?? ''] ?? result.value.problem}.
          </p>
        ))}
      {result.state === 'ready' && result.value.headHash !== null && (
        <p>
          Head hash <code class="hash">{result.value.headHash}</code>
        </p>
      )}
      <p class="muted small">
        Record the head hash somewhere the service cannot write (a case file, a ticket): a later
        chain must still contain it at the same event.
      </p>
      <button type="button" onClick={verify}>
        Verify again
      </button>
    </section>
  );
}
