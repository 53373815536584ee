import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Outcome, QcDecision, QcItemDetail, QcItemSummary, RunView } from '../../api/types.js';
import { OUTCOME_LABELS } from '../../lib/format.js';
import { outcomeOfKey } from '../../lib/keys.js';
import { REASON_CODES } from '../../lib/reasons.js';
import { loadPrefs, savePrefs } from '../../state/session.js';
import { useSession } from '../context.js';
import { Conversation } from '../review/Conversation.js';
import { DecisionBar } from '../review/DecisionBar.js';
import { ReasonPicker, type ReasonStep } from '../review/ReasonPicker.js';
import { ReviewTools } from '../review/ReviewTools.js';
import { stepKey } from '../review/step-keys.js';
import { useDetail } from '../review/use-detail.js';
import { useReviewKeys } from '../review/use-review-keys.js';
import { VirtualList } from '../review/VirtualList.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';
import { QcStatsPanel } from './QcStats.js';

/**
 * Blind second review: the reviewer's sampled items, each in its conversation, without the first
 * decision (the service never sends it). Flag items show the machine's span; unflagged messages
 * ask whether the model missed something.
 */
export function QcWorkspace(props: { run: RunView; purpose: string }) {
  const { api } = useSession();
  const [items, reload] = useAsync(
    (signal) =>
      api.get<{ items: QcItemSummary[] }>(
        `/api/runs/${encodeURIComponent(props.run.id)}/qc/items`,
        {
          signal,
        },
      ),
    [props.run.id],
  );
  const [outcomes, setOutcomes] = useState(() => new Map<string, Outcome>());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [step, setStep] = useState<ReasonStep | null>(null);
  const [prefs, setPrefs] = useState(loadPrefs);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const lastReason = useRef<Partial<Record<Outcome, number>>>({});

  const list = items.state === 'ready' ? items.value.items : [];
  const ids = useMemo(() => list.map((i) => i.id), [list]);
  const outcomeOf = (id: string) =>
    outcomes.get(id) ?? list.find((i) => i.id === id)?.outcome ?? null;
  useEffect(() => {
    if (selectedId === null && ids.length > 0) {
      setSelectedId(ids.find((id) => outcomeOf(id) === null) ?? ids[0] ?? null);
    }
  });
  // Dependencies: a new item starts with the defaults
  useEffect(() => {
    setStep(null);
    setRevealed(false);
  }, [selectedId]);

  const path = selectedId === null ? null : `/api/qc-items/${encodeURIComponent(selectedId)}`;
  const detail = useDetail<QcItemDetail>(path, props.purpose);
  const shown = detail.id === path ? detail.data : null;
  const position = selectedId === null ? -1 : ids.indexOf(selectedId);
  const move = (delta: number) => {
    const next = ids[Math.max(0, Math.min(ids.length - 1, position + delta))];
    if (next !== undefined) setSelectedId(next);
  };
  const decide = (o: Outcome) => {
    if (selectedId !== null)
      setStep({ outcome: o, selected: lastReason.current[o] ?? 0, custom: '', typing: false });
  };
  const save = (reason: string) => {
    const text = reason.trim();
    if (step === null || selectedId === null || text === '') return;
    const itemId = selectedId;
    const chosen = step.outcome;
    const code = REASON_CODES[chosen].indexOf(text);
    if (code >= 0) lastReason.current[chosen] = code;
    setStep(null);
    setError(null);
    api
      .post<QcDecision>(`/api/qc-items/${encodeURIComponent(itemId)}/decisions`, {
        outcome: chosen,
        reason: text,
      })
      .then(
        () => {
          setOutcomes((m) => new Map(m).set(itemId, chosen));
          setRefresh((r) => r + 1);
        },
        (e: unknown) => setError(e instanceof Error ? errorText(e) : 'The decision was not saved.'),
      );
    const next = ids.slice(position + 1).find((id) => id !== itemId && outcomeOf(id) === null);
    if (next !== undefined) setSelectedId(next);
  };
  const toggleMask = () => {
    const next = { ...prefs, maskFlagged: !prefs.maskFlagged };
    setPrefs(next);
    savePrefs(next);
  };

  useReviewKeys((key) => {
    if (step !== null)
      return stepKey(key, step, { setStep, save, cancel: () => setStep(null), decide });
    const outcome = outcomeOfKey(key);
    if (outcome !== null) {
      decide(outcome);
      return true;
    }
    switch (key) {
      case 's':
      case 'j':
      case 'ArrowDown':
        move(1);
        return true;
      case 'k':
      case 'ArrowUp':
        move(-1);
        return true;
      case 'm':
        toggleMask();
        return true;
      case 'v':
        setRevealed(true);
        return true;
      default:
        return false;
    }
  });

  if (items.state === 'loading') return <Loading what="your second-review items" />;
  if (items.state === 'error') return <Notice kind="error">{errorText(items.error)}</Notice>;
  const decided = ids.filter((id) => outcomeOf(id) !== null).length;
  const current = selectedId === null ? undefined : list.find((i) => i.id === selectedId);
  return (
    <div class="review">
      <aside class="queue-pane" aria-label="Second-review items">
        <div class="progress">
          <div class="progress-line">
            <span class="pill blind">Blind</span>
            <span class="num">
              {decided} of {ids.length} decided
            </span>
            <button type="button" class="ghost small" onClick={reload}>
              Refresh
            </button>
          </div>
          <p class="muted small">
            The first decision is hidden from you. Decide each item on its own merits.
          </p>
        </div>
        <VirtualList
          ids={ids}
          rowHeight={40}
          selectedId={selectedId}
          onSelect={setSelectedId}
          label="Second-review items"
          class="qc-list"
          renderRow={(id, index) => {
            const o = outcomeOf(id);
            const item = list.find((i) => i.id === id);
            return (
              <>
                <span class="num muted">{index + 1}</span>
                <span class="snippet">
                  {item?.kind === 'message' ? 'Unflagged message' : 'Flag'}
                </span>
                <span class={`state ${o ?? 'open'}`}>{o === null ? '' : OUTCOME_LABELS[o]}</span>
              </>
            );
          }}
        />
        <div class="qc-side">
          <QcStatsPanel runId={props.run.id} refresh={refresh} />
        </div>
      </aside>
      <section class="detail-pane" aria-label="Item under second review">
        {error !== null && <Notice kind="error">{error}</Notice>}
        {ids.length === 0 && (
          <div class="empty">No second-review item is assigned to you in this run.</div>
        )}
        {current !== undefined && (
          <p class="question">
            {current.kind === 'message'
              ? 'An unflagged message: should the model have flagged it? Relevant means it was missed.'
              : 'A flag the model raised: is it relevant?'}{' '}
            <span class="muted">
              Item {position + 1} of {ids.length}
              {outcomeOf(current.id) !== null &&
                `; your decision: ${OUTCOME_LABELS[outcomeOf(current.id) ?? 'relevant']}`}
            </span>
          </p>
        )}
        <div class="conversation-scroll">
          {detail.error !== null && detail.id === path ? (
            <Notice kind="error">{errorText(detail.error)}</Notice>
          ) : shown === null ? (
            current !== undefined && <p class="loading">Loading the conversation…</p>
          ) : (
            <Conversation
              message={shown.message}
              before={shown.before}
              after={shown.after}
              flagsOf={(messageId) =>
                shown.flag !== null && shown.flag.messageId === messageId ? [shown.flag] : []
              }
              currentId={shown.flag?.id ?? null}
              masked={prefs.maskFlagged && !revealed}
              names={new Map()}
              onUnmask={null}
              onMore={() => {}}
              canMore={false}
              keepInView={step === null ? 0 : 1}
            />
          )}
        </div>
        <div class="decide-area">
          {step !== null && (
            <ReasonPicker
              step={step}
              onChange={setStep}
              onSave={save}
              onCancel={() => setStep(null)}
            />
          )}
          <DecisionBar
            actions={{
              decide,
              skip: () => move(1),
              undo: () => {},
              next: () => move(1),
              previous: () => move(-1),
            }}
            current={current === undefined ? null : outcomeOf(current.id)}
            canUndo={false}
            disabled={current === undefined}
            withUndo={false}
          />
          <ReviewTools
            masked={prefs.maskFlagged}
            revealed={revealed}
            onToggleMask={toggleMask}
            onReveal={() => setRevealed(true)}
            onUnmask={null}
          />
        </div>
      </section>
    </div>
  );
}
