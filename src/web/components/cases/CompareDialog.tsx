import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import type { ModelInfo, RunView } from '../../api/types.js';
import { shortHash } from '../../lib/format.js';
import { useSession } from '../context.js';
import { Dialog } from '../ui/Dialog.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';
import { navigate } from '../use-route.js';

/** Screen the run's export again with another installed model version, to compare. */
export function CompareDialog(props: { run: RunView; onClose(): void }) {
  const { api } = useSession();
  const [models] = useAsync(
    (signal) => api.get<{ items: ModelInfo[] }>('/api/models', { signal }),
    [],
  );
  const [chosen, setChosen] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title="Compare with another model" onClose={props.onClose}>
      {models.state === 'loading' && <Loading what="models" />}
      {models.state === 'error' && <Notice kind="error">{errorText(models.error)}</Notice>}
      {models.state === 'ready' && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (chosen === '') return;
            try {
              const started = await api.post<{ id: string }>(
                `/api/runs/${encodeURIComponent(props.run.id)}/compare`,
                { modelId: chosen },
              );
              navigate({ name: 'replay', runId: props.run.id, replayId: started.id });
            } catch (err) {
              setError(
                err instanceof ApiError ? err.problem.detail : 'The comparison did not start.',
              );
            }
          }}
        >
          <fieldset>
            <legend>
              The run used {props.run.model.id} ({shortHash(props.run.model.sha256)}). Screen the
              same export with:
            </legend>
            {models.value.items.map((m) =>
              m.ok ? (
                <label key={m.id} class="choice">
                  <input
                    type="radio"
                    name="model"
                    value={m.id}
                    checked={chosen === m.id}
                    onChange={() => setChosen(m.id)}
                  />
                  {m.id}{' '}
                  <span class="muted">
                    version {m.version}, {shortHash(m.sha256)}
                  </span>
                </label>
              ) : null,
            )}
          </fieldset>
          {error !== null && <Notice kind="error">{error}</Notice>}
          <div class="actions">
            <button type="submit" class="primary" disabled={chosen === ''}>
              Compare
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
