import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import type { CaseView, Replay, RunView } from '../../api/types.js';
import { href } from '../../lib/router.js';
import { useSession } from '../context.js';
import { Loading, Notice } from '../ui/Notice.js';
import { errorText, useAsync } from '../use-async.js';
import { navigate } from '../use-route.js';
import { ReplayDiff } from './ReplayDiff.js';

const POLL_MS = 1000;

/** A replay (same package) or comparison (another model) of a run, its diff side by side. */
export function ReplayPage(props: { runId: string; replayId: string | null }) {
  const { api } = useSession();
  const [run] = useAsync(
    async (signal) => {
      const view = await api.get<RunView>(`/api/runs/${encodeURIComponent(props.runId)}`, {
        signal,
      });
      const caseRecord = await api.get<CaseView>(`/api/cases/${encodeURIComponent(view.caseId)}`, {
        signal,
      });
      return { ...view, reference: caseRecord.reference };
    },
    [props.runId],
  );
  const [replay, setReplay] = useState<Replay | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setReplay(null);
    if (props.replayId === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const value = await api.get<Replay>(
          `/api/replays/${encodeURIComponent(props.replayId ?? '')}`,
          {
            signal: controller.signal,
          },
        );
        setReplay(value);
        if (value.status === 'queued' || value.status === 'running')
          timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (!controller.signal.aborted) setError(e instanceof Error ? errorText(e) : String(e));
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, props.replayId]);

  const start = async () => {
    try {
      const started = await api.post<{ id: string }>(
        `/api/runs/${encodeURIComponent(props.runId)}/replay`,
      );
      navigate({ name: 'replay', runId: props.runId, replayId: started.id });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : 'The replay did not start.');
    }
  };

  return (
    <main class="page wide-page">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={href({ name: 'cases' })}>Cases</a>
        {run.state === 'ready' && (
          <>
            {' '}
            <span aria-hidden="true">/</span>{' '}
            <a href={href({ name: 'case', caseId: run.value.caseId })}>{run.value.reference}</a>
          </>
        )}{' '}
        <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">Replay of run {props.runId}</span>
      </nav>
      <h1>{replay?.kind === 'compare' ? 'Comparison with another model' : 'Replay'}</h1>
      <p class="muted">
        A replay screens the same export again with the exact model package the run recorded; a
        comparison uses another installed version. Differences are shown side by side.
      </p>
      {error !== null && <Notice kind="error">{error}</Notice>}
      {run.state === 'loading' && <Loading what="the run" />}
      {run.state === 'error' && <Notice kind="error">{errorText(run.error)}</Notice>}
      {props.replayId === null && (
        <button type="button" class="primary" onClick={start}>
          Replay this run
        </button>
      )}
      {props.replayId !== null && replay === null && error === null && (
        <Loading what="the replay" />
      )}
      {replay !== null && <ReplayDiff replay={replay} />}
    </main>
  );
}
