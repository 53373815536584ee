import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CaseView, Decision, FlagDetail, Outcome, RunView } from '../../api/types.js';
import { OUTCOME_LABELS, when } from '../../lib/format.js';
import { outcomeOfKey } from '../../lib/keys.js';
import { REASON_CODES } from '../../lib/reasons.js';
import { type HistoryEntry, pushHistory } from '../../state/history.js';
import { mergeArrivals } from '../../state/merge.js';
import { DEFAULT_FILTERS, nextUndecided, type QueueFilters } from '../../state/queue.js';
import { loadPrefs, savePrefs } from '../../state/session.js';
import { useSession } from '../context.js';
import { Notice } from '../ui/Notice.js';
import { errorText } from '../use-async.js';
import { Conversation } from './Conversation.js';
import { DecisionBar } from './DecisionBar.js';
import { FlagMeta } from './FlagMeta.js';
import { QueuePane } from './QueuePane.js';
import { ReasonPicker, type ReasonStep } from './ReasonPicker.js';
import { ReviewTools } from './ReviewTools.js';
import { stepKey } from './step-keys.js';
import { UnmaskDialog } from './UnmaskDialog.js';
import { useDetail } from './use-detail.js';
import { useReviewKeys } from './use-review-keys.js';
import { useRunStream } from './use-run-stream.js';

const CONTEXT_START = 5;
const CONTEXT_STEP = 10;
const CONTEXT_MAX = 50;

interface Editing {
  entry: HistoryEntry;
  /** How far back in the history (0 = the last decision): Z again goes one further. */
  depth: number;
  /** Where the reviewer was before reopening, to return to afterwards. */
  resumeId: string | null;
}

/** The reviewer's workspace for one run: the live queue on the left, one flag in context on the right. */
export function ReviewWorkspace(props: { run: RunView; caseRecord: CaseView; purpose: string }) {
  const { api } = useSession();
  const stream = useRunStream(props.run, props.purpose);
  const { queue } = stream;
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  // What the list shows: the full order, except arrivals held back so that nothing on screen moves.
  const [order, setOrder] = useState<string[]>([]);
  const [held, setHeld] = useState(0);
  const [decided, setDecided] = useState(0);
  const viewWindow = useRef<{ first: number; last: number } | null>(null);
  const sortIn = () => {
    setOrder(queue.order(filters));
    setHeld(0);
  };
  // The reviewer changed the filters or decided: show the full order (they caused the change).
  // Dependencies: `decided` counts decisions, which the mutable queue holds.
  useLayoutEffect(sortIn, [filters, decided]);
  // Flags arrived: sort them in where that moves nothing on screen.
  const merge = () => {
    const merged = mergeArrivals(order, queue.order(filters), viewWindow.current);
    setOrder(merged.order);
    setHeld(merged.held);
  };
  // Dependencies: `arrivals` is how the stream says the mutable queue grew.
  useLayoutEffect(merge, [stream.arrivals]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const skipped = useMemo(() => new Set<string>(), []);
  const [step, setStep] = useState<ReasonStep | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [prefs, setPrefs] = useState(loadPrefs);
  const [revealed, setRevealed] = useState(false);
  const [context, setContext] = useState(CONTEXT_START);
  const [names, setNames] = useState(() => new Map<number, string>());
  const [unmasking, setUnmasking] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const lastReason = useRef<Partial<Record<Outcome, number>>>({});
  const canDecide = props.caseRecord.myRole === 'reviewer' && props.caseRecord.open;

  useEffect(() => {
    if (selectedId === null && order.length > 0) setSelectedId(order[0] ?? null);
  }, [order, selectedId]);
  // Dependencies: a new flag starts with the defaults
  useEffect(() => {
    setRevealed(false);
    setContext(CONTEXT_START);
    setStep(null);
  }, [selectedId]);

  const detailPath =
    selectedId === null ? null : `/api/flags/${encodeURIComponent(selectedId)}?context=${context}`;
  const detail = useDetail<FlagDetail>(detailPath, props.purpose);
  const shown = detail.id === detailPath ? detail.data : null;
  const flag = selectedId === null ? undefined : queue.get(selectedId);
  const outcome = selectedId === null ? null : queue.decisionOf(selectedId);
  const blind = shown?.blind === true;
  const masked = prefs.maskFlagged && !revealed;
  const position = selectedId === null ? -1 : order.indexOf(selectedId);

  const select = (id: string | null) => {
    if (id !== null) setSelectedId(id);
  };
  const move = (delta: number) => {
    if (order.length === 0) return;
    const at = position < 0 ? (delta > 0 ? -1 : order.length) : position;
    select(order[Math.max(0, Math.min(order.length - 1, at + delta))] ?? null);
  };
  const advanceFrom = (flagId: string) =>
    nextUndecided(
      order,
      order.indexOf(flagId),
      (id) => id === flagId || queue.decisionOf(id) !== null,
    );

  const decide = (o: Outcome) => {
    if (!canDecide || selectedId === null || blind) return;
    setStep({ outcome: o, selected: lastReason.current[o] ?? 0, custom: '', typing: false });
  };

  const save = (reason: string) => {
    const text = reason.trim();
    if (step === null || selectedId === null || text === '') return;
    const flagId = selectedId;
    const chosen = step.outcome;
    const code = REASON_CODES[chosen].indexOf(text);
    if (code >= 0) lastReason.current[chosen] = code;
    const previous = queue.decisionOf(flagId);
    queue.setDecision(flagId, chosen);
    setDecided((n) => n + 1);
    setStep(null);
    const resume = editing?.resumeId ?? null;
    setEditing(null);
    select(resume ?? advanceFrom(flagId));
    setSaveError(null);
    setAnnounce('Saving…');
    api
      .post<Decision>(`/api/flags/${encodeURIComponent(flagId)}/decisions`, {
        outcome: chosen,
        reason: text,
      })
      .then(
        (d) => {
          setHistory((h) =>
            pushHistory(h, {
              flagId,
              decisionId: d.id,
              outcome: chosen,
              reason: text,
              decidedAt: d.decidedAt,
            }),
          );
          setAnnounce(`Saved: ${OUTCOME_LABELS[chosen]}`);
        },
        (error: unknown) => {
          queue.setDecision(flagId, previous);
          setDecided((n) => n + 1);
          setAnnounce('');
          setSaveError(
            `A decision was not saved (${error instanceof Error ? errorText(error) : 'unknown error'}). The flag keeps its previous state.`,
          );
        },
      );
  };

  const reopen = (entry: HistoryEntry, depth: number) => {
    setEditing({ entry, depth, resumeId: editing?.resumeId ?? selectedId });
    setSelectedId(entry.flagId);
  };
  const undo = () => {
    const depth = editing === null ? 0 : editing.depth + 1;
    const entry = history[depth];
    if (entry !== undefined) reopen(entry, depth);
  };
  const skip = () => {
    if (selectedId === null) return;
    skipped.add(selectedId);
    const resume = editing?.resumeId ?? null;
    setEditing(null);
    select(resume ?? advanceFrom(selectedId));
  };
  const toggleMask = () => {
    const next = { ...prefs, maskFlagged: !prefs.maskFlagged };
    setPrefs(next);
    savePrefs(next);
  };
  const senderOrdinal = shown?.message.sender?.ordinal ?? null;

  useReviewKeys((key) => {
    if (step !== null) {
      return stepKey(key, step, {
        setStep,
        save,
        cancel: () => setStep(null),
        decide,
      });
    }
    const outcome = outcomeOfKey(key);
    if (outcome !== null) {
      decide(outcome);
      return true;
    }
    switch (key) {
      case 's':
        skip();
        return true;
      case 'z':
      case 'Backspace':
        undo();
        return true;
      case 'j':
      case 'ArrowDown':
        move(1);
        return true;
      case 'k':
      case 'ArrowUp':
        move(-1);
        return true;
      case 'Home':
        select(order[0] ?? null);
        return true;
      case 'End':
        select(order[order.length - 1] ?? null);
        return true;
      case 'c':
        setContext((c) => Math.min(CONTEXT_MAX, c + CONTEXT_STEP));
        return true;
      case 'u':
        if (senderOrdinal !== null) setUnmasking(senderOrdinal);
        return true;
      case 'm':
        toggleMask();
        return true;
      case 'v':
        setRevealed(true);
        return true;
      case 'r':
        sortIn();
        return true;
      case 'Escape':
        if (editing === null) return false;
        setEditing(null);
        select(editing.resumeId);
        return true;
      default:
        return false;
    }
  });

  const waiting = stream.run.status === 'queued' || stream.run.status === 'running';
  return (
    <div class="review">
      <QueuePane
        run={stream.run}
        state={stream.state}
        total={queue.size}
        decided={queue.decidedCount()}
        order={order}
        filters={filters}
        onFilters={setFilters}
        selectedId={selectedId}
        onSelect={setSelectedId}
        flagOf={(id) => queue.get(id)}
        outcomeOf={(id) => queue.decisionOf(id)}
        skipped={skipped}
        masked={prefs.maskFlagged}
        history={history}
        onEdit={(entry) => reopen(entry, history.indexOf(entry))}
        held={held}
        onSortIn={sortIn}
        onWindow={(w) => {
          viewWindow.current = w;
          if (held > 0) merge();
        }}
      />
      <section class="detail-pane" aria-label="Flag under review">
        {stream.error !== null && <Notice kind="error">{errorText(stream.error)}</Notice>}
        {saveError !== null && <Notice kind="error">{saveError}</Notice>}
        {editing !== null && (
          <Notice kind="warn">
            Reopened your decision of {when(editing.entry.decidedAt)}:{' '}
            <strong>{OUTCOME_LABELS[editing.entry.outcome]}</strong> ({editing.entry.reason}).
            Choose again with A, X or E; a new decision supersedes it and both stay on record. Esc
            keeps it.
          </Notice>
        )}
        {flag === undefined ? (
          <div class="empty">
            {queue.size === 0
              ? waiting || stream.run.counts.flags > 0
                ? 'Receiving flags…'
                : 'This run has no flags.'
              : 'No flag matches these filters.'}
          </div>
        ) : (
          <>
            <FlagMeta flag={flag} position={position + 1} of={order.length} outcome={outcome} />
            <Record detail={shown} blind={blind} />
            <div class="conversation-scroll">
              {detail.error !== null && detail.id === detailPath ? (
                <Notice kind="error">{errorText(detail.error)}</Notice>
              ) : shown === null ? (
                <p class="loading">Loading the conversation…</p>
              ) : (
                <Conversation
                  message={shown.message}
                  before={shown.before}
                  after={shown.after}
                  flagsOf={(messageId) => queue.sameMessage(messageId)}
                  currentId={flag.id}
                  masked={masked}
                  names={names}
                  onUnmask={setUnmasking}
                  onMore={() => setContext((c) => Math.min(CONTEXT_MAX, c + CONTEXT_STEP))}
                  canMore={context < CONTEXT_MAX}
                  keepInView={step === null ? 0 : 1}
                />
              )}
            </div>
          </>
        )}
        <div class="decide-area">
          {step !== null && (
            <ReasonPicker
              step={step}
              onChange={setStep}
              onSave={save}
              onCancel={() => setStep(null)}
            />
          )}
          {!canDecide && (
            <p class="muted small">
              {props.caseRecord.open
                ? 'Only the case reviewers record decisions; you can read the queue.'
                : 'The case is closed: no new decisions.'}
            </p>
          )}
          <DecisionBar
            actions={{ decide, skip, undo, next: () => move(1), previous: () => move(-1) }}
            current={outcome}
            canUndo={history.length > 0}
            disabled={!canDecide || flag === undefined || blind}
          />
          <ReviewTools
            masked={prefs.maskFlagged}
            onToggleMask={toggleMask}
            onReveal={() => setRevealed(true)}
            revealed={revealed}
            onUnmask={senderOrdinal === null ? null : () => setUnmasking(senderOrdinal)}
          />
        </div>
        <div class="visually-hidden" aria-live="polite">
          {announce}
        </div>
      </section>
      {unmasking !== null && (
        <UnmaskDialog
          exportId={props.run.exportId}
          ordinal={unmasking}
          onClose={() => setUnmasking(null)}
          onUnmasked={(result) => {
            setNames((n) => new Map(n).set(result.ordinal, result.name));
            setUnmasking(null);
          }}
        />
      )}
    </div>
  );
}

/** The decisions on record for this flag, or why they are withheld. */
function Record(props: { detail: FlagDetail | null; blind: boolean }) {
  const { me } = useSession();
  if (props.blind) {
    return (
      <Notice kind="warn">
        This flag is in your blind second review: its earlier decisions are hidden from you, and you
        decide it there.
      </Notice>
    );
  }
  const decisions = props.detail?.decisions ?? [];
  const latest = decisions[decisions.length - 1];
  if (latest === undefined) return <p class="record muted small">No decision on record yet.</p>;
  return (
    <p class="record small">
      On record: <strong>{OUTCOME_LABELS[latest.outcome]}</strong> ({latest.reason}),{' '}
      {latest.decidedBy === me.id ? 'by you' : 'by another reviewer'}, {when(latest.decidedAt)}
      {decisions.length > 1 && `; ${decisions.length} decisions in all`}
    </p>
  );
}
