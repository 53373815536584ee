import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ChatscreenError } from '../../domain/index.js';
import type { AppEnv, HttpDeps } from '../env.js';
import { jsonResponse, problemResponses, RoleSchema } from '../schemas.js';

const me = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['users'],
  summary: 'The signed-in user',
  security: [{ bearer: [] }],
  responses: {
    200: jsonResponse(
      'The user the token belongs to',
      z.object({ id: z.string(), name: z.string(), role: RoleSchema }),
    ),
    401: problemResponses[401],
  },
});

export function registerMe(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(me, async (c) => {
    const actor = c.get('actor');
    const user =
      actor.kind === 'user' ? await deps.store.read((tx) => tx.users.get(actor.userId)) : null;
    if (user === null)
      throw new ChatscreenError('unauthenticated', 'a valid bearer token is required');
    return c.json({ id: user.id, name: user.name, role: user.role }, 200);
  });
}
