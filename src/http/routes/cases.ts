import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { addMember, closeCase, createCase, getCase, listCases } from '../../access/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import {
  CaseRoleSchema,
  CaseScopeSchema,
  idParam,
  isoInstant,
  jsonBody,
  jsonResponse,
  MembershipSchema,
  problemResponses,
} from '../schemas.js';

const CaseSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    legalBasis: z.string(),
    authorisedBy: z.string(),
    scope: z.object({
      participants: z.array(z.string()).nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
    expiresAt: z.string(),
    status: z.enum(['open', 'closed']),
    open: z.boolean().openapi({ description: 'Open and unexpired now' }),
    myRole: CaseRoleSchema.nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('Case');

const text = (max: number) => z.string().trim().min(1).max(max);

const create = createRoute({
  method: 'post',
  path: '/api/cases',
  tags: ['cases'],
  summary:
    'Open a case under an authorisation (investigators); the creator becomes its investigator',
  security: [{ bearer: [] }],
  request: {
    body: jsonBody(
      z.object({
        reference: text(200),
        legalBasis: text(2000),
        authorisedBy: text(200),
        scope: CaseScopeSchema.default({ participants: null, from: null, to: null }),
        expiresAt: isoInstant,
      }),
    ),
  },
  responses: { 201: jsonResponse('Created', z.object({ id: z.string() })), ...problemResponses },
});

const list = createRoute({
  method: 'get',
  path: '/api/cases',
  tags: ['cases'],
  summary: 'The cases the user is a member of',
  security: [{ bearer: [] }],
  responses: {
    200: jsonResponse('Cases', z.object({ items: z.array(CaseSchema) })),
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

const caseParams = z.object({ caseId: idParam('caseId') });

const get = createRoute({
  method: 'get',
  path: '/api/cases/{caseId}',
  tags: ['cases'],
  summary: 'A case with its members',
  security: [{ bearer: [] }],
  request: { params: caseParams },
  responses: {
    200: jsonResponse('The case', CaseSchema.extend({ members: z.array(MembershipSchema) })),
    ...problemResponses,
  },
});

const close = createRoute({
  method: 'post',
  path: '/api/cases/{caseId}/close',
  tags: ['cases'],
  summary: 'Close a case: no more uploads, runs or content reads (investigators)',
  security: [{ bearer: [] }],
  request: { params: caseParams },
  responses: { 200: jsonResponse('Closed', CaseSchema), ...problemResponses },
});

const members = createRoute({
  method: 'post',
  path: '/api/cases/{caseId}/members',
  tags: ['cases'],
  summary: 'Add a user to a case with a role (investigators of the case)',
  security: [{ bearer: [] }],
  request: {
    params: caseParams,
    body: jsonBody(z.object({ userId: z.string().min(1).max(100), role: CaseRoleSchema })),
  },
  responses: { 201: jsonResponse('Added', MembershipSchema), ...problemResponses },
});

export function registerCases(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(create, async (c) => {
    const result = await createCase({ ctx: actionContext(c, deps), input: c.req.valid('json') });
    return c.json(result, 201);
  });
  app.openapi(list, async (c) =>
    c.json({ items: await listCases({ ctx: actionContext(c, deps) }) }, 200),
  );
  app.openapi(get, async (c) =>
    c.json(await getCase({ ctx: actionContext(c, deps), input: c.req.valid('param') }), 200),
  );
  app.openapi(close, async (c) =>
    c.json(await closeCase({ ctx: actionContext(c, deps), input: c.req.valid('param') }), 200),
  );
  app.openapi(members, async (c) => {
    const member = await addMember({
      ctx: actionContext(c, deps),
      input: { ...c.req.valid('param'), ...c.req.valid('json') },
    });
    return c.json(member, 201);
  });
}
