import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getReplay, startComparison, startReplay } from '../../audit/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import {
  CategorySchema,
  idParam,
  jsonBody,
  jsonResponse,
  problemResponses,
  RunSchema,
} from '../schemas.js';

const runParams = z.object({ runId: idParam('runId') });
const Started = z.object({ id: z.string(), runId: z.string() });

const replay = createRoute({
  method: 'post',
  path: '/api/runs/{runId}/replay',
  tags: ['audit'],
  summary: 'Screen the same export again with the exact model package the run recorded',
  description:
    'Refused with model_package_changed (409) when that package is no longer installed or its hash differs.',
  security: [{ bearer: [] }],
  request: { params: runParams },
  responses: { 202: jsonResponse('Queued', Started), ...problemResponses },
});

const compare = createRoute({
  method: 'post',
  path: '/api/runs/{runId}/compare',
  tags: ['audit'],
  summary: 'Screen the same export with another model version, to compare with the run',
  security: [{ bearer: [] }],
  request: { params: runParams, body: jsonBody(z.object({ modelId: z.string().min(1).max(100) })) },
  responses: { 202: jsonResponse('Queued', Started), ...problemResponses },
});

const FlagKeySchema = z
  .object({
    messageId: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    category: CategorySchema,
    score: z.number(),
  })
  .openapi('FlagKey');

const get = createRoute({
  method: 'get',
  path: '/api/replays/{replayId}',
  tags: ['audit'],
  summary:
    'A replay or comparison: once done, {identical, added, removed, changed} against the base run',
  security: [{ bearer: [] }],
  request: { params: z.object({ replayId: idParam('replayId') }) },
  responses: {
    200: jsonResponse(
      'The replay',
      z
        .object({
          id: z.string(),
          kind: z.enum(['replay', 'compare']),
          status: RunSchema.shape.status,
          base: RunSchema,
          run: RunSchema,
          result: z
            .object({
              identical: z.boolean(),
              unchanged: z.number().int(),
              counts: z.object({
                added: z.number().int(),
                removed: z.number().int(),
                changed: z.number().int(),
              }),
              added: z.array(FlagKeySchema),
              removed: z.array(FlagKeySchema),
              changed: z.array(z.object({ base: FlagKeySchema, other: FlagKeySchema })),
            })
            .nullable(),
        })
        .openapi('Replay'),
    ),
    ...problemResponses,
  },
});

export function registerReplays(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(replay, async (c) =>
    c.json(await startReplay({ ctx: actionContext(c, deps), input: c.req.valid('param') }), 202),
  );
  app.openapi(compare, async (c) => {
    const started = await startComparison({
      ctx: actionContext(c, deps),
      input: { ...c.req.valid('param'), ...c.req.valid('json') },
    });
    return c.json(started, 202);
  });
  app.openapi(get, async (c) =>
    c.json(await getReplay({ ctx: actionContext(c, deps), input: c.req.valid('param') }), 200),
  );
}
