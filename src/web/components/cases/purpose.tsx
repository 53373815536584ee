import { useState } from 'preact/hooks';
import type { CaseView } from '../../api/types.js';
import { loadPurpose, savePurpose } from '../../state/session.js';
import { Dialog } from '../ui/Dialog.js';

const MAX = 1000;

function suggestion(c: CaseView): string {
  const verb =
    c.myRole === 'auditor'
      ? 'Auditing'
      : c.myRole === 'investigator'
        ? 'Investigating'
        : 'Reviewing flags for';
  return `${verb} case ${c.reference} under the authorisation of ${c.authorisedBy} (${c.legalBasis})`.slice(
    0,
    MAX,
  );
}

/** The purpose stated for a case in this session, and a setter that remembers it. */
export function usePurpose(caseId: string): [string | null, (purpose: string) => void] {
  const [purpose, setPurpose] = useState(() => loadPurpose(caseId));
  return [
    purpose,
    (value: string) => {
      savePurpose(caseId, value);
      setPurpose(value);
    },
  ];
}

/**
 * Content reads need a justification. Rather than a prompt per click, the person states their
 * purpose once per case and session; it is sent with every read and recorded in each audit event.
 */
export function PurposeDialog(props: {
  caseRecord: CaseView;
  current: string | null;
  onSave(purpose: string): void;
  onClose(): void;
}) {
  const [text, setText] = useState(props.current ?? suggestion(props.caseRecord));
  const trimmed = text.trim();
  const valid = trimmed.length >= 3 && trimmed.length <= MAX;
  return (
    <Dialog title={`Purpose for case ${props.caseRecord.reference}`} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) props.onSave(trimmed);
        }}
      >
        <p>
          Reading message content in this case is recorded in the audit log with the purpose you
          state here. It is sent with every read until you sign out or change it.
        </p>
        <label for="purpose">Purpose and authorisation</label>
        <textarea
          id="purpose"
          autoFocus
          rows={3}
          maxLength={MAX}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              if (valid) props.onSave(trimmed);
            }
          }}
        />
        <p class="hint">Enter confirms; Shift+Enter starts a new line.</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={!valid}>
            Confirm purpose <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function PurposeBar(props: { purpose: string; onChange(): void }) {
  return (
    <div class="purpose-bar">
      <span class="label">Purpose</span>
      <span class="text" title={props.purpose}>
        {props.purpose}
      </span>
      <button type="button" class="ghost small" onClick={props.onChange}>
        Change <kbd>P</kbd>
      </button>
    </div>
  );
}
