import type { ModelInfo } from '../../api/types.js';
import { CATEGORY_LABELS, when } from '../../lib/format.js';
import { useSession } from '../context.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';

/** Installed model packages with their hashes and cards: what every run and replay names. */
export function ModelList() {
  const { api } = useSession();
  const [models] = useAsync(
    (signal) => api.get<{ items: ModelInfo[] }>('/api/models', { signal }),
    [],
  );
  if (models.state === 'loading') return <Loading what="models" />;
  if (models.state === 'error') return <Notice kind="error">{errorText(models.error)}</Notice>;
  return (
    <section aria-labelledby="models-title">
      <h2 id="models-title">Model versions</h2>
      {models.value.items.map((m) =>
        m.ok ? (
          <article key={m.id} class="card model" aria-label={`Model ${m.id}`}>
            <h3>
              {m.id} <span class="muted">version {m.version}</span>{' '}
              {m.isDefault && <span class="badge ok">default</span>}
            </h3>
            <dl class="facts">
              <div>
                <dt>Package SHA-256</dt>
                <dd>
                  <code class="hash">{m.sha256}</code>
                </dd>
              </div>
              <div>
                <dt>Kind</dt>
                <dd>{m.kind}</dd>
              </div>
              <div>
                <dt>Built</dt>
                <dd>{when(m.created)}</dd>
              </div>
              <div>
                <dt>Thresholds</dt>
                <dd>
                  {m.categories
                    .map((c) => `${CATEGORY_LABELS[c]} ${m.thresholds[c]?.toFixed(2) ?? '–'}`)
                    .join(' · ')}
                </dd>
              </div>
            </dl>
            <p>{m.description}</p>
            {m.card !== null && (
              <details>
                <summary>Model card</summary>
                <pre class="model-card">{m.card}</pre>
              </details>
            )}
          </article>
        ) : (
          <article key={m.id} class="card model">
            <h3>{m.id}</h3>
            <Notice kind="error">
              Not usable: {m.error.code}: {m.error.detail}
            </Notice>
          </article>
        ),
      )}
    </section>
  );
}
