import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { createUser, disableUser, issueToken, listUsers } from '../../access/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import {
  idParam,
  jsonBody,
  jsonResponse,
  problemResponses,
  RoleSchema,
  UserSchema,
} from '../schemas.js';

const UserWithToken = z
  .object({
    user: UserSchema,
    token: z.string().openapi({ description: 'Shown once; stored only hashed' }),
  })
  .openapi('UserWithToken');

const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['users'],
  summary: 'List users (admins; investigators, to add members to cases)',
  security: [{ bearer: [] }],
  responses: {
    200: jsonResponse('Users', z.object({ items: z.array(UserSchema) })),
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['users'],
  summary: 'Create a user and issue their token (admins)',
  security: [{ bearer: [] }],
  request: {
    body: jsonBody(z.object({ name: z.string().trim().min(1).max(200), role: RoleSchema })),
  },
  responses: {
    201: jsonResponse('Created; the token is shown only now', UserWithToken),
    ...problemResponses,
  },
});

const userIdParams = z.object({ userId: idParam('userId') });

const disable = createRoute({
  method: 'post',
  path: '/api/users/{userId}/disable',
  tags: ['users'],
  summary: 'Disable a user: their token stops working (admins)',
  security: [{ bearer: [] }],
  request: { params: userIdParams },
  responses: { 200: jsonResponse('Disabled', UserSchema), ...problemResponses },
});

const token = createRoute({
  method: 'post',
  path: '/api/users/{userId}/token',
  tags: ['users'],
  summary: "Replace a user's token (admins)",
  security: [{ bearer: [] }],
  request: { params: userIdParams },
  responses: {
    200: jsonResponse('The new token, shown only now', UserWithToken),
    ...problemResponses,
  },
});

export function registerUsers(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(list, async (c) =>
    c.json({ items: await listUsers({ ctx: actionContext(c, deps) }) }, 200),
  );
  app.openapi(create, async (c) => {
    const result = await createUser({ ctx: actionContext(c, deps), input: c.req.valid('json') });
    return c.json(result, 201);
  });
  app.openapi(disable, async (c) => {
    const user = await disableUser({ ctx: actionContext(c, deps), input: c.req.valid('param') });
    return c.json(user, 200);
  });
  app.openapi(token, async (c) => {
    const result = await issueToken({ ctx: actionContext(c, deps), input: c.req.valid('param') });
    return c.json(result, 200);
  });
}
