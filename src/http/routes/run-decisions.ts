import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listRunDecisions } from '../../review/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import {
  idParam,
  jsonResponse,
  justificationHeader,
  OutcomeSchema,
  problemResponses,
} from '../schemas.js';

const list = createRoute({
  method: 'get',
  path: '/api/runs/{runId}/decisions',
  tags: ['review'],
  summary:
    "The decision in force on each decided flag of a run (the queue's state); flags the caller reviews blind are left out",
  security: [{ bearer: [] }],
  request: {
    params: z.object({ runId: idParam('runId') }),
    headers: justificationHeader,
    query: z.object({ justification: z.string().optional() }),
  },
  responses: {
    200: jsonResponse(
      'Decision states',
      z.object({
        items: z.array(
          z
            .object({
              flagId: z.string(),
              decisionId: z.string(),
              outcome: OutcomeSchema,
              reason: z.string(),
              decidedBy: z.string(),
              decidedAt: z.string(),
              count: z.number().int(),
            })
            .openapi('FlagDecisionState'),
        ),
      }),
    ),
    ...problemResponses,
  },
});

export function registerRunDecisions(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(list, async (c) => {
    const items = await listRunDecisions({
      ctx: actionContext(c, deps),
      input: c.req.valid('param'),
    });
    return c.json({ items }, 200);
  });
}
