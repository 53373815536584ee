import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import { useSession } from '../context.js';
import { Notice } from '../ui/Notice.js';

/** Upload an export into the case (investigators): streamed to the service, hashed and parsed. */
export function UploadForm(props: { caseId: string; onDone(): void }) {
  const { api } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [tz, setTz] = useState('Europe/London');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="card inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (file === null) return;
        const form = new FormData();
        form.append('tz', tz);
        form.append('file', file, file.name);
        setBusy(true);
        setError(null);
        try {
          await api.post(`/api/cases/${encodeURIComponent(props.caseId)}/exports`, form);
          props.onDone();
        } catch (err) {
          setError(err instanceof ApiError ? err.problem.detail : 'The upload failed.');
        } finally {
          setBusy(false);
        }
      }}
    >
      <label for="upload-file">Export file (a chat export, zip or generic CSV/JSONL)</label>
      <input
        id="upload-file"
        type="file"
        required
        onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
      />
      <label for="upload-tz">Time zone of times written without one</label>
      <input id="upload-tz" value={tz} onInput={(e) => setTz(e.currentTarget.value)} />
      {error !== null && <Notice kind="error">{error}</Notice>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || file === null}>
          {busy ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </form>
  );
}
