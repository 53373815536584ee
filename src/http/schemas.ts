import { z } from '@hono/zod-openapi';
import {
  ATTACHMENT_TYPES,
  CASE_ROLES,
  CATEGORIES,
  DATE_ORDERS,
  DECISION_OUTCOMES,
  ERROR_CODES,
  EXPORT_FORMATS,
  MESSAGE_KINDS,
  ROLES,
  RUN_PURPOSES,
  RUN_STATUSES,
} from '../domain/index.js';

/** Schemas shared by several resources; each route file keeps its own request schemas. */

export const idParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name, in: 'path' } });

export const isoInstant = z.iso.datetime({ offset: true });

export const SourceLocationSchema = z
  .object({
    file: z.string(),
    byteOffset: z.number().int(),
    byteLength: z.number().int(),
    line: z.number().int().nullable(),
  })
  .openapi('SourceLocation');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(
      Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]],
    ),
    requestId: z.string(),
    field: z.string().optional(),
    option: z.string().optional(),
    location: SourceLocationSchema.optional(),
  })
  .openapi('Problem');

const ParseIssueSchema = z.object({
  code: z.string(),
  detail: z.string(),
  location: SourceLocationSchema.nullable(),
});

export const ParseReportSchema = z
  .object({
    messageCount: z.number().int(),
    countsByKind: z.record(z.enum(MESSAGE_KINDS), z.number().int()),
    conversationCount: z.number().int(),
    participantCount: z.number().int(),
    skipped: z.array(ParseIssueSchema),
    skippedTotal: z.number().int(),
    warnings: z.array(ParseIssueSchema),
    warningsTotal: z.number().int(),
    outOfOrder: z.number().int(),
    files: z.array(
      z.object({
        path: z.string(),
        bytes: z.number().int(),
        role: z.enum(['messages', 'media', 'metadata', 'ignored']),
      }),
    ),
  })
  .openapi('ParseReport');

export const ModelRefSchema = z.object({ id: z.string(), sha256: z.string() }).openapi('ModelRef');

export const CaseScopeSchema = z
  .object({
    participants: z.array(z.string().min(1).max(200)).min(1).max(1000).nullable().default(null),
    from: isoInstant.nullable().default(null),
    to: isoInstant.nullable().default(null),
  })
  .openapi('CaseScope');

export const RoleSchema = z.enum(ROLES);
export const CaseRoleSchema = z.enum(CASE_ROLES);
export const CategorySchema = z.enum(CATEGORIES);
export const OutcomeSchema = z.enum(DECISION_OUTCOMES);
export const FormatSchema = z.enum(EXPORT_FORMATS);
export const DateOrderSchema = z.enum(DATE_ORDERS);

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: RoleSchema,
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

export const MembershipSchema = z
  .object({
    caseId: z.string(),
    userId: z.string(),
    role: CaseRoleSchema,
    addedAt: z.string(),
    addedBy: z.string(),
  })
  .openapi('Membership');

export const MessageSchema = z
  .object({
    id: z.string(),
    sourceId: z.string().nullable(),
    seq: z.number().int(),
    conversationId: z.string(),
    conversationTitle: z.string().nullable(),
    sender: z.object({ ordinal: z.number().int(), label: z.string() }).nullable(),
    sentAt: z.string().nullable(),
    sentAtLocal: z.string().nullable(),
    kind: z.enum(MESSAGE_KINDS),
    text: z.string(),
    attachments: z.array(
      z.object({
        type: z.enum(ATTACHMENT_TYPES),
        fileName: z.string().nullable(),
        pathInExport: z.string().nullable(),
      }),
    ),
    edited: z.boolean(),
    replyTo: z.string().nullable(),
    source: SourceLocationSchema,
  })
  .openapi('Message');

export const FlagSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    seq: z.number().int(),
    messageId: z.string(),
    messageSeq: z.number().int().openapi({ description: "The message's place in the export" }),
    start: z.number().int().openapi({ description: 'UTF-16 code units into the message text' }),
    end: z.number().int().openapi({ description: 'UTF-16 code units, exclusive' }),
    category: CategorySchema,
    score: z.number(),
    text: z.string(),
    model: ModelRefSchema,
  })
  .openapi('Flag');

export const DecisionSchema = z
  .object({
    id: z.string(),
    flagId: z.string(),
    runId: z.string(),
    caseId: z.string(),
    outcome: OutcomeSchema,
    reason: z.string(),
    decidedBy: z.string(),
    decidedAt: z.string(),
  })
  .openapi('Decision');

export const RunSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    exportId: z.string(),
    purpose: z.enum(RUN_PURPOSES),
    baseRunId: z.string().nullable(),
    status: z.enum(RUN_STATUSES),
    model: ModelRefSchema,
    progress: z.object({
      batchesDone: z.number().int(),
      batchCount: z.number().int(),
      screened: z.number().int(),
      screenable: z.number().int(),
      fraction: z.number(),
    }),
    counts: z.object({
      messages: z.number().int(),
      inScope: z.number().int(),
      outOfScope: z.number().int(),
      screenable: z.number().int(),
      screened: z.number().int(),
      flags: z.number().int(),
    }),
    error: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Run');

export const ExportSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    fileName: z.string(),
    sha256: z.string(),
    byteSize: z.number().int(),
    format: z.string().nullable(),
    variant: z.string().nullable(),
    timezone: z.string(),
    dateOrder: z.string().nullable(),
    messageCount: z.number().int(),
    inScope: z.number().int(),
    outOfScope: z.number().int(),
    report: ParseReportSchema.nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('Export');

/** The responses every authenticated route can give, documented once. */
export const problemResponses = {
  400: {
    description: 'Invalid request',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  401: {
    description: 'No valid bearer token',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  403: {
    description: 'The role may not do this',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  404: {
    description: 'Not found, or not on the case',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  409: {
    description: 'Conflicts with the current state, or the case is not open',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Documents the justification a content read needs (header, or query for links). */
export const justificationHeader = z.object({
  'x-justification': z.string().optional().openapi({
    description:
      'Why this content is being read (3 to 1000 characters; percent-encode non-ASCII). Required for content reads; recorded in the audit event. A `justification` query field is accepted instead.',
  }),
});
