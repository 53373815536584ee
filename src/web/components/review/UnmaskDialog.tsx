import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import type { Unmasked } from '../../api/types.js';
import { useSession } from '../context.js';
import { Dialog } from '../ui/Dialog.js';
import { Notice } from '../ui/Notice.js';

/** Reveals who "Participant N" is, for this session only, with a reason the audit log keeps. */
export function UnmaskDialog(props: {
  exportId: string;
  ordinal: number;
  onUnmasked(result: Unmasked): void;
  onClose(): void;
}) {
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const valid = reason.trim().length >= 3;
  return (
    <Dialog title={`Unmask Participant ${props.ordinal}`} onClose={props.onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!valid) return;
          try {
            const result = await api.post<Unmasked>(
              `/api/exports/${encodeURIComponent(props.exportId)}/participants/${props.ordinal}/unmask`,
              { reason: reason.trim() },
            );
            props.onUnmasked(result);
          } catch (err) {
            setError(err instanceof ApiError ? err.problem.detail : 'The name was not revealed.');
          }
        }}
      >
        <p>
          Senders are pseudonymised. Revealing a name is recorded in the audit log with your reason
          and shown to you only, for this session.
        </p>
        <label for="unmask-reason">Why do you need to know who this is?</label>
        <input
          id="unmask-reason"
          autoFocus
          value={reason}
          minLength={3}
          maxLength={1000}
          onInput={(e) => setReason(e.currentTarget.value)}
          placeholder="e.g. the message names a colleague; identity needed to assess the target"
        />
        {error !== null && <Notice kind="error">{error}</Notice>}
        <div class="actions">
          <button type="submit" class="primary" disabled={!valid}>
            Reveal name
          </button>
        </div>
      </form>
    </Dialog>
  );
}
