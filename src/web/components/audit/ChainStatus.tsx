import { useState } from 'preact/hooks';
import type { ChainVerification } from '../../api/types.js';
import { useSession } from '../context.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';

const PROBLEMS: Record<string, string> = {
  hash_mismatch: 'an event was edited (its hash no longer matches its content)',
  broken_link: 'an event does not follow the one before it (edited and re-hashed, or reordered)',
  sequence_gap: 'an event is missing',
  head_mismatch: 'the last events were removed',
  anchor_mismatch: 'it no longer holds a head written down earlier (rebuilt or cut short)',
};

export function ChainStatus() {
  const { api } = useSession();
  const [anchorText, setAnchorText] = useState('');
  const [anchors, setAnchors] = useState('');
  const [result, verify] = useAsync(
    (signal) =>
      api.get<ChainVerification>(
        anchors === ''
          ? '/api/audit/verify'
          : `/api/audit/verify?anchors=${encodeURIComponent(anchors)}`,
        { signal },
      ),
    [anchors],
  );
  const check = (event: Event) => {
    event.preventDefault();
    const next = anchorText.trim();
    if (next === anchors) verify();
    else setAnchors(next);
  };
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
          Head: event {result.value.headSeq}, hash <code class="hash">{result.value.headHash}</code>
          <br />
          Anchor to write down:{' '}
          <code class="anchor">
            {result.value.headSeq}:{result.value.headHash}
          </code>
        </p>
      )}
      <p class="muted small">
        Record the anchor somewhere the service cannot write (a case file, a ticket): a later chain
        must still hold that hash at that event, which a chain rebuilt wholesale cannot.
      </p>
      <form onSubmit={check}>
        <label>
          Anchors written down earlier (SEQ:HASH, separated by commas)
          <input
            type="text"
            spellcheck={false}
            autocomplete="off"
            value={anchorText}
            onInput={(e) => setAnchorText(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Verify again</button>
      </form>
    </section>
  );
}
