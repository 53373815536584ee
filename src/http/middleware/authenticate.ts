import type { MiddlewareHandler } from 'hono';
import { authenticate } from '../../access/index.js';
import { ChatscreenError } from '../../domain/index.js';
import type { AppEnv } from '../env.js';

const JUSTIFICATION_MAX = 1000;
const JUSTIFICATION_MIN = 3;

/**
 * Bearer token -> the acting user, and the request's justification: the X-Justification header,
 * or a `justification` query field for clients that cannot set headers on a link. Content reads
 * refuse without one (access/authorise.ts); every audit event records it.
 */
export function authenticateRequest(
  store: Parameters<typeof authenticate>[0],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const { actor } = await authenticate(store, match?.[1] ?? null);
    c.set('actor', actor);
    const given = c.req.header('x-justification');
    c.set(
      'justification',
      readJustification(given === undefined ? c.req.query('justification') : decodeHeader(given)),
    );
    await next();
  };
}

/** Headers are Latin-1 on the wire: clients send non-ASCII text percent-encoded (UTF-8). */
function decodeHeader(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function readJustification(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;
  if (text.length < JUSTIFICATION_MIN || text.length > JUSTIFICATION_MAX) {
    throw new ChatscreenError(
      'validation_failed',
      `a justification is ${JUSTIFICATION_MIN} to ${JUSTIFICATION_MAX} characters`,
      { field: 'justification' },
    );
  }
  return text;
}
