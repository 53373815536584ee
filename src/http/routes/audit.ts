import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listAuditEvents, parseAnchors, verifyAudit } from '../../audit/index.js';
import { AUDIT_ACTIONS } from '../../domain/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import { isoInstant, jsonResponse, problemResponses } from '../schemas.js';

const JsonValueSchema: z.ZodType<unknown> = z.unknown();

const EventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.object({ kind: z.enum(['user', 'operator', 'system']), id: z.string().nullable() }),
    action: z.enum(AUDIT_ACTIONS),
    caseId: z.string().nullable(),
    subject: z.object({ type: z.string(), id: z.string() }).nullable(),
    justification: z.string().nullable(),
    details: z.record(z.string(), JsonValueSchema),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEvent');

const verify = createRoute({
  method: 'get',
  path: '/api/audit/verify',
  tags: ['audit'],
  summary: 'Verify the whole hash chain (auditors)',
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      anchors: z.string().max(10_000).optional().openapi({
        description:
          'Heads written down outside the service, SEQ:HASH separated by commas: the chain must still hold each hash at its seq',
      }),
    }),
  },
  responses: {
    200: jsonResponse(
      'The verification',
      z
        .object({
          ok: z.boolean(),
          events: z.number().int(),
          firstBrokenAt: z.number().int().optional(),
          problem: z
            .enum([
              'hash_mismatch',
              'broken_link',
              'sequence_gap',
              'head_mismatch',
              'anchor_mismatch',
            ])
            .optional(),
          headSeq: z.number().int(),
          headHash: z.string().nullable(),
        })
        .openapi('ChainVerification'),
    ),
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

const events = createRoute({
  method: 'get',
  path: '/api/audit/events',
  tags: ['audit'],
  summary: "The event log (auditors): their cases' events and events about no case",
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      caseId: z.string().max(100).optional(),
      action: z.enum(AUDIT_ACTIONS).optional(),
      actorId: z.string().max(100).optional(),
      from: isoInstant.optional(),
      to: isoInstant.optional(),
      afterSeq: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: {
    200: jsonResponse(
      'Events',
      z.object({ items: z.array(EventSchema), nextAfterSeq: z.number().int().nullable() }),
    ),
    ...problemResponses,
  },
});

export function registerAudit(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(verify, async (c) => {
    const { anchors } = c.req.valid('query');
    const result = await verifyAudit({
      ctx: actionContext(c, deps),
      input: { anchors: anchors === undefined ? [] : parseAnchors(anchors, { field: 'anchors' }) },
    });
    return c.json(result, 200);
  });
  app.openapi(events, async (c) => {
    const page = await listAuditEvents({
      ctx: actionContext(c, deps),
      input: c.req.valid('query'),
    });
    return c.json(page, 200);
  });
}
