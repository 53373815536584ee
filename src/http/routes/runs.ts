import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getRun, startRun } from '../../jobs/index.js';
import { listFlags } from '../../review/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import {
  CategorySchema,
  FlagSchema,
  idParam,
  jsonResponse,
  justificationHeader,
  problemResponses,
  RunSchema,
} from '../schemas.js';

const modelId = z.string().min(1).max(100);

const start = createRoute({
  method: 'post',
  path: '/api/exports/{exportId}/runs',
  tags: ['runs'],
  summary: 'Screen an export (investigators); the default model unless one is named',
  security: [{ bearer: [] }],
  request: {
    params: z.object({ exportId: idParam('exportId') }),
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ modelId: modelId.optional() }) } },
    },
  },
  responses: { 202: jsonResponse('Queued', z.object({ id: z.string() })), ...problemResponses },
});

const runParams = z.object({ runId: idParam('runId') });

const get = createRoute({
  method: 'get',
  path: '/api/runs/{runId}',
  tags: ['runs'],
  summary: 'Status, progress, counts (out of scope included) and the exact model',
  security: [{ bearer: [] }],
  request: { params: runParams },
  responses: { 200: jsonResponse('The run', RunSchema), ...problemResponses },
});

const flags = createRoute({
  method: 'get',
  path: '/api/runs/{runId}/flags',
  tags: ['runs'],
  summary: "A page of a run's flags in commit order (content: needs a justification)",
  security: [{ bearer: [] }],
  request: {
    params: runParams,
    headers: justificationHeader,
    query: z.object({
      afterSeq: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      category: CategorySchema.optional(),
      minScore: z.coerce.number().min(0).max(1).optional(),
      maxScore: z.coerce.number().min(0).max(1).optional(),
      decided: z.enum(['true', 'false']).optional(),
      justification: z.string().optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      'Flags',
      z.object({ items: z.array(FlagSchema), nextAfterSeq: z.number().int().nullable() }),
    ),
    ...problemResponses,
  },
});

export function registerRuns(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(start, async (c) => {
    const run = await startRun({
      ctx: actionContext(c, deps),
      input: { ...c.req.valid('param'), modelId: c.req.valid('json').modelId },
    });
    return c.json({ id: run.id }, 202);
  });
  app.openapi(get, async (c) =>
    c.json(await getRun({ ctx: actionContext(c, deps), input: c.req.valid('param') }), 200),
  );
  app.openapi(flags, async (c) => {
    const { afterSeq, limit, category, minScore, maxScore, decided } = c.req.valid('query');
    const page = await listFlags({
      ctx: actionContext(c, deps),
      input: {
        runId: c.req.valid('param').runId,
        afterSeq,
        limit,
        category,
        minScore,
        maxScore,
        decided: decided === undefined ? undefined : decided === 'true',
      },
    });
    return c.json(page, 200);
  });
}
