import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.js';
import { useSession } from '../context.js';

export interface Detail<T> {
  id: string | null;
  data: T | null;
  error: ApiError | Error | null;
}

/** Waits this long after the selection moves before reading: holding J does not read every flag. */
const SETTLE_MS = 120;

/**
 * Reads one item's content when the selection settles: each read is a consultation, justified
 * with the stated purpose and audited by the service, so nothing is prefetched unseen.
 */
export function useDetail<T>(path: string | null, purpose: string): Detail<T> {
  const { api } = useSession();
  const [detail, setDetail] = useState<Detail<T>>({ id: null, data: null, error: null });
  useEffect(() => {
    if (path === null) {
      setDetail({ id: null, data: null, error: null });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.get<T>(path, { justification: purpose, signal: controller.signal }).then(
        (data) => setDetail({ id: path, data, error: null }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setDetail({
            id: path,
            data: null,
            error: error instanceof Error ? error : new Error(String(error)),
          });
        },
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, path, purpose]);
  return detail;
}
