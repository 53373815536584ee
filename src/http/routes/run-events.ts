import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { ChatscreenError } from '../../domain/index.js';
import { runView } from '../../jobs/index.js';
import { nextFlagEvents, openFlagStream } from '../../review/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import { problemBody, toChatscreenError } from '../problem.js';
import { idParam, justificationHeader, problemResponses } from '../schemas.js';

const PAGE = 500;
const KEEPALIVE_MS = 15_000;

function parseCursor(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw)) {
    throw new ChatscreenError('validation_failed', 'Last-Event-ID must be a flag seq', {
      field: 'Last-Event-ID',
    });
  }
  return Number(raw);
}

export function registerRunEvents(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/runs/{runId}/events',
    tags: ['runs'],
    summary:
      'Server-Sent Events: `flag` (id = flag seq), `progress`, `done`; resumable with Last-Event-ID',
    description:
      'Content: needs a justification, audited once per connection. Send the bearer token in the Authorization header (use a fetch-based SSE client; EventSource cannot set it). On reconnect, Last-Event-ID (or `lastEventId`) resumes after that flag; no flag is sent twice or skipped.',
    security: [{ bearer: [] }],
    request: {
      params: z.object({ runId: idParam('runId') }),
      headers: justificationHeader.extend({ 'last-event-id': z.string().optional() }),
      query: z.object({ lastEventId: z.string().optional(), justification: z.string().optional() }),
    },
    responses: {
      200: {
        description: 'An event stream',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      ...problemResponses,
    },
  });

  app.get('/api/runs/:runId/events', async (c) => {
    const ctx = actionContext(c, deps);
    const runId = c.req.param('runId');
    const start = parseCursor(c.req.header('last-event-id') ?? c.req.query('lastEventId'));
    // Refusals happen here, before the stream starts, so they are ordinary problem responses.
    await openFlagStream({ ctx, input: { runId, afterSeq: start } });
    return streamSSE(c, async (stream) => {
      let cursor = start;
      let closed = false;
      let wake: () => void = () => {};
      stream.onAbort(() => {
        closed = true;
        wake();
      });
      const unsubscribe = deps.signals.subscribe(runId, () => wake());
      let lastProgress = '';
      let idleSince = Date.now();
      try {
        while (!closed) {
          const { flags, run } = await nextFlagEvents({
            ctx,
            input: { runId, afterSeq: cursor, limit: PAGE },
          });
          for (const flag of flags) {
            await stream.writeSSE({
              event: 'flag',
              id: String(flag.seq),
              data: JSON.stringify(flag),
            });
            cursor = flag.seq;
          }
          if (flags.length === PAGE) continue;
          const view = runView(run);
          const progress = JSON.stringify({
            status: view.status,
            progress: view.progress,
            counts: view.counts,
          });
          if (progress !== lastProgress) {
            await stream.writeSSE({ event: 'progress', id: String(cursor), data: progress });
            lastProgress = progress;
            idleSince = Date.now();
          }
          if (run.status === 'done' || run.status === 'failed') {
            await stream.writeSSE({
              event: 'done',
              id: String(cursor),
              data: JSON.stringify(view),
            });
            break;
          }
          if (Date.now() - idleSince > KEEPALIVE_MS) {
            await stream.write(': keep-alive\n\n');
            idleSince = Date.now();
          }
          // Signals only hint; the store is the truth, so a missed one costs one poll interval.
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, deps.ssePollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      } catch (error) {
        // A stream already under way ends with the problem as its last event (e.g. the case closed).
        const problem = problemBody(toChatscreenError(error), c.get('requestId'));
        await stream.writeSSE({ event: 'error', data: JSON.stringify(problem) }).catch(() => {});
      } finally {
        unsubscribe();
      }
    });
  });
}
