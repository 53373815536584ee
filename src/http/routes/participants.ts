import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { unmaskParticipant } from '../../review/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import { idParam, jsonBody, jsonResponse, problemResponses } from '../schemas.js';

const unmask = createRoute({
  method: 'post',
  path: '/api/exports/{exportId}/participants/{ordinal}/unmask',
  tags: ['review'],
  summary: 'Reveal who "Participant N" is, with a reason (audited)',
  security: [{ bearer: [] }],
  request: {
    params: z.object({
      exportId: idParam('exportId'),
      ordinal: z.coerce
        .number()
        .int()
        .min(1)
        .openapi({ param: { name: 'ordinal', in: 'path' } }),
    }),
    body: jsonBody(z.object({ reason: z.string().trim().min(3).max(1000) })),
  },
  responses: {
    200: jsonResponse(
      'The participant',
      z.object({
        exportId: z.string(),
        ordinal: z.number().int(),
        label: z.string(),
        participantId: z.string(),
        name: z.string(),
      }),
    ),
    ...problemResponses,
  },
});

export function registerParticipants(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(unmask, async (c) => {
    const result = await unmaskParticipant({
      ctx: actionContext(c, deps),
      input: { ...c.req.valid('param'), ...c.req.valid('json') },
    });
    return c.json(result, 200);
  });
}
