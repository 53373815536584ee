import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';

export type Async<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError | Error }
  | { state: 'ready'; value: T };

/** Loads once per change of `deps`; a late answer for an earlier key is dropped. */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
): [Async<T>, () => void] {
  const [result, setResult] = useState<Async<T>>({ state: 'loading' });
  const [nonce, setNonce] = useState(0);
  const key = useRef('');
  // Dependencies: the caller names what the load depends on
  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps showing what it has; a different subject starts from "loading".
    const subject = JSON.stringify(deps);
    if (subject !== key.current) setResult({ state: 'loading' });
    key.current = subject;
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setResult({ state: 'ready', value });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({
          state: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      },
    );
    return () => controller.abort();
  }, [...deps, nonce]);
  return [result, () => setNonce((n) => n + 1)];
}

export function errorText(error: ApiError | Error): string {
  if (error instanceof ApiError) {
    if (error.code === 'case_not_open')
      return 'The case is closed or its authorisation has expired.';
    if (error.code === 'not_found') return 'Not found, or you are not on this case.';
    if (error.code === 'forbidden') return 'Your role does not allow this.';
    return error.problem.detail || error.problem.title;
  }
  return error.message;
}
