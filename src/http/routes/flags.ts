import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getFlag, recordDecision } from '../../review/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import {
  DecisionSchema,
  FlagSchema,
  idParam,
  jsonBody,
  jsonResponse,
  justificationHeader,
  MessageSchema,
  OutcomeSchema,
  problemResponses,
} from '../schemas.js';

const flagParams = z.object({ flagId: idParam('flagId') });

const get = createRoute({
  method: 'get',
  path: '/api/flags/{flagId}',
  tags: ['review'],
  summary: 'A flag in its conversation: the message and N in-scope messages either side (content)',
  security: [{ bearer: [] }],
  request: {
    params: flagParams,
    headers: justificationHeader,
    query: z.object({
      context: z.coerce.number().int().min(0).max(50).optional(),
      justification: z.string().optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      'The flag',
      z
        .object({
          flag: FlagSchema,
          message: MessageSchema,
          before: z.array(MessageSchema),
          after: z.array(MessageSchema),
          decisions: z.array(DecisionSchema),
          blind: z.boolean().openapi({
            description:
              'True when the caller reviews this flag blind (second review): decisions withheld',
          }),
        })
        .openapi('FlagDetail'),
    ),
    ...problemResponses,
  },
});

const decide = createRoute({
  method: 'post',
  path: '/api/flags/{flagId}/decisions',
  tags: ['review'],
  summary: "Record a person's decision on a flag, with their reason (reviewers)",
  security: [{ bearer: [] }],
  request: {
    params: flagParams,
    body: jsonBody(
      z.object({ outcome: OutcomeSchema, reason: z.string().trim().min(1).max(2000) }),
    ),
  },
  responses: { 201: jsonResponse('Recorded', DecisionSchema), ...problemResponses },
});

export function registerFlags(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(get, async (c) => {
    const detail = await getFlag({
      ctx: actionContext(c, deps),
      input: {
        flagId: c.req.valid('param').flagId,
        context: c.req.valid('query').context ?? deps.contextMessages,
      },
    });
    return c.json(detail, 200);
  });
  app.openapi(decide, async (c) => {
    const decision = await recordDecision({
      ctx: actionContext(c, deps),
      input: { ...c.req.valid('param'), ...c.req.valid('json') },
    });
    return c.json(decision, 201);
  });
}
