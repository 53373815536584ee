import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  drawQcSample,
  getQcItem,
  listMyQcItems,
  qcSummary,
  recordQcDecision,
} from '../../review/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import {
  FlagSchema,
  idParam,
  jsonBody,
  jsonResponse,
  justificationHeader,
  MessageSchema,
  OutcomeSchema,
  problemResponses,
} from '../schemas.js';

const runParams = z.object({ runId: idParam('runId') });
const itemParams = z.object({ itemId: idParam('itemId') });
const ItemKind = z.enum(['flag', 'message']);

const SampleSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    caseId: z.string(),
    seed: z.string(),
    flagShare: z.number(),
    unflaggedRequested: z.number().int(),
    reviewerIds: z.array(z.string()),
    flagsEligible: z.number().int(),
    flagsDrawn: z.number().int(),
    unflaggedEligible: z.number().int(),
    unflaggedDrawn: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('QcSample');

const ProportionSchema = z
  .object({
    count: z.number().int(),
    total: z.number().int(),
    rate: z.number().nullable(),
    low: z.number().nullable().openapi({ description: '95% Wilson score interval, lower bound' }),
    high: z.number().nullable().openapi({ description: '95% Wilson score interval, upper bound' }),
  })
  .openapi('Proportion');

const QcDecisionSchema = z
  .object({
    id: z.string(),
    itemId: z.string(),
    runId: z.string(),
    caseId: z.string(),
    outcome: OutcomeSchema,
    reason: z.string(),
    decidedBy: z.string(),
    decidedAt: z.string(),
  })
  .openapi('QcDecision');

const ItemSummarySchema = z
  .object({
    id: z.string(),
    sampleId: z.string(),
    runId: z.string(),
    position: z.number().int(),
    kind: ItemKind,
    outcome: OutcomeSchema.nullable(),
    decidedAt: z.string().nullable(),
  })
  .openapi('QcItemSummary');

const sample = createRoute({
  method: 'post',
  path: '/api/runs/{runId}/qc/samples',
  tags: ['qc'],
  summary:
    'Draw a blind second-review sample of a finished run (case investigators): a share of decided flags and some unflagged messages, deterministic given the seed',
  security: [{ bearer: [] }],
  request: {
    params: runParams,
    body: jsonBody(
      z.object({
        flagShare: z.number().min(0).max(1),
        unflaggedCount: z.number().int().min(0).max(10_000),
        reviewerIds: z.array(z.string().min(1).max(100)).min(1).max(100),
        seed: z.string().trim().min(1).max(200).optional(),
      }),
    ),
  },
  responses: { 201: jsonResponse('The sample', SampleSchema), ...problemResponses },
});

const summary = createRoute({
  method: 'get',
  path: '/api/runs/{runId}/qc',
  tags: ['qc'],
  summary:
    "A run's second-review samples, progress, agreement, overturn rate and estimated misses (95% Wilson intervals)",
  security: [{ bearer: [] }],
  request: { params: runParams },
  responses: {
    200: jsonResponse(
      'The summary',
      z
        .object({
          samples: z.array(SampleSchema),
          progress: z.object({ items: z.number().int(), decided: z.number().int() }),
          stats: z.object({
            method: z.literal('wilson-95'),
            flags: z.object({
              sampled: z.number().int(),
              reviewed: z.number().int(),
              agreement: ProportionSchema,
              overturn: ProportionSchema,
              pairs: z.record(z.string(), z.record(z.string(), z.number().int())),
            }),
            unflagged: z.object({
              sampled: z.number().int(),
              reviewed: z.number().int(),
              missed: ProportionSchema,
              population: z.number().int(),
              estimatedMissed: z
                .object({ value: z.number(), low: z.number(), high: z.number() })
                .nullable(),
            }),
          }),
        })
        .openapi('QcSummary'),
    ),
    ...problemResponses,
  },
});

const mine = createRoute({
  method: 'get',
  path: '/api/runs/{runId}/qc/items',
  tags: ['qc'],
  summary: "The caller's second-review items of a run, in order (no content, no first decision)",
  security: [{ bearer: [] }],
  request: { params: runParams },
  responses: {
    200: jsonResponse('Items', z.object({ items: z.array(ItemSummarySchema) })),
    ...problemResponses,
  },
});

const item = createRoute({
  method: 'get',
  path: '/api/qc-items/{itemId}',
  tags: ['qc'],
  summary:
    'A second-review item in its conversation, for its reviewer only, without the first decision (content: needs a justification)',
  security: [{ bearer: [] }],
  request: {
    params: itemParams,
    headers: justificationHeader,
    query: z.object({
      context: z.coerce.number().int().min(0).max(50).optional(),
      justification: z.string().optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      'The item',
      z
        .object({
          item: ItemSummarySchema.omit({ outcome: true, decidedAt: true }),
          flag: FlagSchema.nullable(),
          message: MessageSchema,
          before: z.array(MessageSchema),
          after: z.array(MessageSchema),
          decision: QcDecisionSchema.nullable(),
        })
        .openapi('QcItemDetail'),
    ),
    ...problemResponses,
  },
});

const decide = createRoute({
  method: 'post',
  path: '/api/qc-items/{itemId}/decisions',
  tags: ['qc'],
  summary: "The second reviewer's decision on an item, with a reason (its reviewer only)",
  security: [{ bearer: [] }],
  request: {
    params: itemParams,
    body: jsonBody(
      z.object({ outcome: OutcomeSchema, reason: z.string().trim().min(1).max(2000) }),
    ),
  },
  responses: { 201: jsonResponse('Recorded', QcDecisionSchema), ...problemResponses },
});

export function registerQc(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(sample, async (c) => {
    const body = c.req.valid('json');
    const created = await drawQcSample({
      ctx: actionContext(c, deps),
      input: { runId: c.req.valid('param').runId, ...body },
    });
    return c.json(created, 201);
  });
  app.openapi(summary, async (c) =>
    c.json(await qcSummary({ ctx: actionContext(c, deps), input: c.req.valid('param') }), 200),
  );
  app.openapi(mine, async (c) => {
    const items = await listMyQcItems({ ctx: actionContext(c, deps), input: c.req.valid('param') });
    return c.json({ items }, 200);
  });
  app.openapi(item, async (c) => {
    const detail = await getQcItem({
      ctx: actionContext(c, deps),
      input: {
        itemId: c.req.valid('param').itemId,
        context: c.req.valid('query').context ?? deps.contextMessages,
      },
    });
    return c.json(detail, 200);
  });
  app.openapi(decide, async (c) => {
    const decision = await recordQcDecision({
      ctx: actionContext(c, deps),
      input: { ...c.req.valid('param'), ...c.req.valid('json') },
    });
    return c.json(decision, 201);
  });
}
