import { useState } from 'preact/hooks';
import { Api, ApiError } from '../api/client.js';
import type { Me } from '../api/types.js';

/** Sign-in with the bearer token an administrator issued (`chatscreen users add`). */
export function SignIn(props: { onSignedIn(token: string, me: Me): void; message: string | null }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(props.message);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const value = token.trim();
    if (value === '') return;
    setBusy(true);
    setError(null);
    try {
      const me = await new Api(value).get<Me>('/api/me');
      props.onSignedIn(value, me);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? 'That token was not accepted. It may have been replaced or the account disabled.'
          : 'The service did not answer. Try again.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="signin">
      <form class="card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">chatscreen</h1>
        <p class="muted">
          Screening of lawfully obtained chat exports for human review. Every consultation of
          content is recorded in the audit log with the purpose you give.
        </p>
        <label for="token">Access token</label>
        <input
          id="token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
          placeholder="cs_…"
          required
        />
        <p class="hint">
          Your token was shown once when your account was created. It is kept only for this tab.
        </p>
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
