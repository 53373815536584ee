import type { Problem } from './types.js';

/** A problem+json answer, or a network failure turned into one. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

function networkProblem(detail: string): Problem {
  return {
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail,
    code: 'network',
    requestId: '',
  };
}

/** Sent on window when the service no longer accepts the token (disabled, replaced). */
export const SIGNED_OUT_EVENT = 'chatscreen:signed-out';

export interface ApiOptions {
  /** Sends the purpose the person stated as X-Justification: content reads need it. */
  justification?: string | null;
  signal?: AbortSignal;
  query?: Record<string, string | number | boolean | undefined>;
}

/**
 * The one way the page talks to the service: bearer token on every request, the justification
 * percent-encoded (headers are Latin-1 on the wire; the service decodes it), problems thrown as
 * ApiError with the service's stable code.
 */
export class Api {
  constructor(private readonly token: string) {}

  headers(justification?: string | null): Record<string, string> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (justification) headers['x-justification'] = encodeURIComponent(justification);
    return headers;
  }

  url(path: string, query?: ApiOptions['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.toString();
    return search === '' ? path : `${path}?${search}`;
  }

  async request<T>(
    method: string,
    path: string,
    body: unknown,
    options: ApiOptions = {},
  ): Promise<T> {
    const headers = this.headers(options.justification);
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      if (body instanceof FormData) init.body = body;
      else {
        headers['content-type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
    }
    if (options.signal !== undefined) init.signal = options.signal;
    let response: Response;
    try {
      response = await fetch(this.url(path, options.query), init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(networkProblem('The service did not answer. Check the connection.'));
    }
    if (!response.ok) {
      if (response.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
      const problem = (await response.json().catch(() => null)) as Problem | null;
      throw new ApiError(problem ?? networkProblem(`The service answered ${response.status}.`));
    }
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : await response.text()) as T;
  }

  get<T>(path: string, options?: ApiOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body?: unknown, options?: ApiOptions): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }
}
