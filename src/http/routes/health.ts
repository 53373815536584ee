import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, HttpDeps } from '../env.js';
import { jsonResponse } from '../schemas.js';

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['service'],
  summary: 'Liveness and the store in use (no authentication)',
  responses: {
    200: jsonResponse('The service is up', z.object({ ok: z.literal(true), store: z.string() })),
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(health, (c) => c.json({ ok: true as const, store: deps.store.kind }, 200));
}
