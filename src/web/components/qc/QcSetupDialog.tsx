import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import type { CaseDetail, QcSample, RunView, UserView } from '../../api/types.js';
import { useSession } from '../context.js';
import { Dialog } from '../ui/Dialog.js';
import { Notice } from '../ui/Notice.js';
import { useAsync } from '../use-async.js';

/**
 * Draws a blind second-review sample (investigators): a share of the decided flags and a number of
 * unflagged messages, given to the chosen reviewers (never to a flag's own first reviewer).
 */
export function QcSetupDialog(props: {
  run: RunView;
  caseRecord: CaseDetail;
  onClose(): void;
  onDrawn(sample: QcSample): void;
}) {
  const { api } = useSession();
  const reviewers = props.caseRecord.members.filter((m) => m.role === 'reviewer');
  const [users] = useAsync(
    (signal) =>
      api.get<{ items: UserView[] }>('/api/users', { signal }).catch(() => ({ items: [] })),
    [],
  );
  const nameOf = (id: string) =>
    (users.state === 'ready' ? users.value.items.find((u) => u.id === id)?.name : undefined) ?? id;
  const [share, setShare] = useState('10');
  const [unflagged, setUnflagged] = useState('20');
  const [chosen, setChosen] = useState<string[]>(reviewers.map((r) => r.userId));
  const [seed, setSeed] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = {
        flagShare: Math.min(100, Math.max(0, Number(share))) / 100,
        unflaggedCount: Math.max(0, Math.floor(Number(unflagged))),
        reviewerIds: chosen,
      };
      if (seed.trim() !== '') body.seed = seed.trim();
      const sample = await api.post<QcSample>(
        `/api/runs/${encodeURIComponent(props.run.id)}/qc/samples`,
        body,
      );
      props.onDrawn(sample);
    } catch (err) {
      setError(err instanceof ApiError ? err.problem.detail : 'The sample was not drawn.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Draw a blind second-review sample" onClose={props.onClose}>
      <form onSubmit={submit}>
        <p>
          The second reviewer does not see the first decision. Unflagged messages estimate what the
          model missed. The same seed always draws the same sample; it is recorded either way.
        </p>
        <div class="field-row">
          <label>
            Share of decided flags (%)
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              value={share}
              onInput={(e) => setShare(e.currentTarget.value)}
            />
          </label>
          <label>
            Unflagged messages
            <input
              type="number"
              min={0}
              max={10000}
              step={1}
              value={unflagged}
              onInput={(e) => setUnflagged(e.currentTarget.value)}
            />
          </label>
        </div>
        <fieldset>
          <legend>Second reviewers</legend>
          {reviewers.length === 0 && <Notice kind="warn">No reviewer is on this case.</Notice>}
          {reviewers.map((r) => (
            <label key={r.userId} class="choice">
              <input
                type="checkbox"
                checked={chosen.includes(r.userId)}
                onChange={(e) =>
                  setChosen((c) =>
                    e.currentTarget.checked ? [...c, r.userId] : c.filter((id) => id !== r.userId),
                  )
                }
              />
              {nameOf(r.userId)}
            </label>
          ))}
        </fieldset>
        <label>
          Seed (optional)
          <input
            value={seed}
            onInput={(e) => setSeed(e.currentTarget.value)}
            placeholder="random"
          />
        </label>
        {error !== null && <Notice kind="error">{error}</Notice>}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || chosen.length === 0}>
            Draw sample
          </button>
        </div>
      </form>
    </Dialog>
  );
}
