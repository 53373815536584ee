import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.js';
import { followEvents, type StreamState } from '../../api/sse.js';
import type { DecisionState, FlagView, RunView } from '../../api/types.js';
import { FlagQueue } from '../../state/queue.js';
import { useSession } from '../context.js';

export interface RunStream {
  queue: FlagQueue;
  /** Bumped whenever flags arrive (or the decision states load), so views recompute. */
  arrivals: number;
  run: RunView;
  state: StreamState;
  error: ApiError | Error | null;
  /** Decision states by flag (latest), as loaded and as decided here. */
  decisions: Map<string, DecisionState>;
}

/**
 * Follows a run: the decision states first, then every flag from the start of the stream, live
 * while the run screens. Flags arriving together are added in one go per animation frame, so a
 * burst of thousands re-sorts the queue once, not once per flag.
 */
export function useRunStream(initial: RunView, purpose: string): RunStream {
  const { api } = useSession();
  const queue = useMemo(() => new FlagQueue(), []);
  const decisions = useMemo(() => new Map<string, DecisionState>(), []);
  const [version, setVersion] = useState(0);
  const [run, setRun] = useState(initial);
  const [state, setState] = useState<StreamState>('connecting');
  const [error, setError] = useState<ApiError | Error | null>(null);
  const pending = useRef<FlagView[]>([]);
  const frame = useRef<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const flush = () => {
      frame.current = null;
      if (queue.add(pending.current.splice(0)) > 0) setVersion((v) => v + 1);
    };
    const schedule = () => {
      frame.current ??= requestAnimationFrame(flush);
    };
    const runPath = `/api/runs/${encodeURIComponent(initial.id)}`;
    (async () => {
      const states = await api.get<{ items: DecisionState[] }>(`${runPath}/decisions`, {
        justification: purpose,
        signal: controller.signal,
      });
      for (const s of states.items) {
        decisions.set(s.flagId, s);
        queue.setDecision(s.flagId, s.outcome);
      }
      setVersion((v) => v + 1);
      await followEvents({
        url: `${runPath}/events`,
        headers: api.headers(purpose),
        lastEventId: queue.size > 0 ? String(queue.lastSeq()) : null,
        signal: controller.signal,
        until: 'done',
        onState: setState,
        onEvent(event) {
          if (event.event === 'flag') {
            pending.current.push(JSON.parse(event.data) as FlagView);
            schedule();
          } else if (event.event === 'progress') {
            const p = JSON.parse(event.data) as Pick<RunView, 'status' | 'progress' | 'counts'>;
            setRun((r) => ({ ...r, ...p }));
          } else if (event.event === 'done') {
            flush();
            setRun(JSON.parse(event.data) as RunView);
          }
        },
      });
    })().catch((e: unknown) => {
      if (controller.signal.aborted) return;
      setError(e instanceof Error ? e : new Error(String(e)));
      setState('closed');
    });
    return () => {
      controller.abort();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [api, queue, decisions, initial.id, purpose]);

  return { queue, arrivals: version, run, state, error, decisions };
}
