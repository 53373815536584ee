import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ChatscreenError } from '../../domain/index.js';
import { assertCanUpload, getExport, importExport, listExports } from '../../jobs/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import { receiveUpload } from '../multipart.js';
import {
  DateOrderSchema,
  ExportSchema,
  FormatSchema,
  idParam,
  jsonResponse,
  ParseReportSchema,
  ProblemSchema,
  problemResponses,
  RunSchema,
} from '../schemas.js';
import { describeIssues } from '../validation.js';

const UploadFields = z.object({
  tz: z.string().trim().min(1).max(64).optional(),
  dateOrder: DateOrderSchema.optional(),
  format: z.union([FormatSchema, z.literal('auto')]).default('auto'),
});

const UploadResult = z
  .object({
    id: z.string(),
    sha256: z.string(),
    byteSize: z.number().int(),
    format: FormatSchema,
    messageCount: z.number().int(),
    inScope: z.number().int(),
    outOfScope: z.number().int(),
    report: ParseReportSchema,
  })
  .openapi('UploadResult');

const caseParams = z.object({ caseId: idParam('caseId') });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const list = createRoute({
  method: 'get',
  path: '/api/cases/{caseId}/exports',
  tags: ['exports'],
  summary: "A case's exports with their provenance and parse reports",
  security: [{ bearer: [] }],
  request: { params: caseParams },
  responses: {
    200: jsonResponse('Exports', z.object({ items: z.array(ExportSchema) })),
    ...problemResponses,
  },
});

const get = createRoute({
  method: 'get',
  path: '/api/exports/{exportId}',
  tags: ['exports'],
  summary: 'An export and its runs',
  security: [{ bearer: [] }],
  request: { params: z.object({ exportId: idParam('exportId') }) },
  responses: {
    200: jsonResponse('The export', ExportSchema.extend({ runs: z.array(RunSchema) })),
    ...problemResponses,
  },
});

export function registerExports(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  // Documented here, handled below by a plain route: zod-openapi would parse a declared
  // multipart body into memory, and the upload must stream to disk.
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/cases/{caseId}/exports',
    tags: ['exports'],
    summary: 'Upload an export (investigators); streamed to disk while hashed, kept as received',
    security: [{ bearer: [] }],
    request: {
      params: caseParams,
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: UploadFields.extend({
              file: z.string().openapi({ type: 'string', format: 'binary' }),
            }),
          },
        },
      },
    },
    responses: {
      201: jsonResponse('Imported', UploadResult),
      ...problemResponses,
      413: problem('Larger than CHATSCREEN_MAX_UPLOAD_BYTES; nothing kept'),
      415: problem('Not multipart/form-data'),
      422: problem('The export cannot be read; `location` says where; nothing kept'),
    },
  });

  app.post('/api/cases/:caseId/exports', async (c) => {
    const ctx = actionContext(c, deps);
    const caseId = c.req.param('caseId');
    await assertCanUpload({ ctx, input: { caseId } });
    const contentType = c.req.header('content-type') ?? '';
    if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
      throw new ChatscreenError(
        'unsupported_media_type',
        'upload the export as multipart/form-data',
      );
    }
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    // Multipart framing adds a little; anything far beyond the limit is refused unread.
    if (Number.isFinite(declared) && declared > deps.maxUploadBytes + 64 * 1024) {
      throw new ChatscreenError(
        'payload_too_large',
        `the upload exceeds ${deps.maxUploadBytes} bytes`,
      );
    }
    const body = c.req.raw.body;
    if (body === null)
      throw new ChatscreenError('validation_failed', 'a file part named "file" is required', {
        field: 'file',
      });
    const upload = await receiveUpload(body, contentType, {
      blobs: deps.blobs,
      maxBytes: deps.maxUploadBytes,
    });
    const fields = UploadFields.safeParse(upload.fields);
    if (!fields.success) {
      await upload.blob.discard();
      const { detail, field } = describeIssues(fields.error.issues);
      throw new ChatscreenError('validation_failed', detail, field === undefined ? {} : { field });
    }
    const result = await importExport({
      ctx,
      input: {
        caseId,
        blob: upload.blob,
        fileName: upload.fileName,
        format: fields.data.format,
        timezone: fields.data.tz ?? null,
        dateOrder: fields.data.dateOrder ?? null,
      },
    });
    return c.json(result, 201);
  });

  app.openapi(list, async (c) => {
    const items = await listExports({ ctx: actionContext(c, deps), input: c.req.valid('param') });
    return c.json({ items }, 200);
  });
  app.openapi(get, async (c) =>
    c.json(await getExport({ ctx: actionContext(c, deps), input: c.req.valid('param') }), 200),
  );
}
