import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireGlobal } from '../../access/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import { CategorySchema, jsonResponse, problemResponses } from '../schemas.js';

const ModelSchema = z
  .union([
    z.object({
      ok: z.literal(true),
      id: z.string(),
      sha256: z.string(),
      version: z.string(),
      created: z.string(),
      kind: z.string(),
      description: z.string(),
      categories: z.array(CategorySchema),
      thresholds: z.partialRecord(CategorySchema, z.number()),
      card: z.string().nullable(),
      isDefault: z.boolean(),
    }),
    z.object({
      ok: z.literal(false),
      id: z.string(),
      error: z.object({ code: z.string(), detail: z.string() }),
    }),
  ])
  .openapi('Model');

const list = createRoute({
  method: 'get',
  path: '/api/models',
  tags: ['models'],
  summary:
    'Installed model packages with their ids, hashes and cards (broken ones with their error)',
  security: [{ bearer: [] }],
  responses: {
    200: jsonResponse('Models', z.object({ items: z.array(ModelSchema) })),
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export function registerModels(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(list, async (c) => {
    requireGlobal(actionContext(c, deps), 'models.read');
    return c.json({ items: await deps.catalog.list() }, 200);
  });
}
