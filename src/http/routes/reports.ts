import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { caseReport } from '../../review/index.js';
import { actionContext } from '../action-context.js';
import type { AppEnv, HttpDeps } from '../env.js';
import { renderReportHtml } from '../report-html.js';
import { idParam, justificationHeader, problemResponses } from '../schemas.js';

const report = createRoute({
  method: 'get',
  path: '/api/cases/{caseId}/report',
  tags: ['review'],
  summary:
    'The case report, JSON or HTML (?format=html or Accept: text/html); a disclosure: justified and audited',
  security: [{ bearer: [] }],
  request: {
    params: z.object({ caseId: idParam('caseId') }),
    headers: justificationHeader,
    query: z.object({
      format: z.enum(['json', 'html']).optional(),
      justification: z.string().optional(),
    }),
  },
  responses: {
    200: {
      description: 'The report',
      content: {
        'application/json': { schema: z.object({}).passthrough().openapi('CaseReport') },
        'text/html': { schema: z.string() },
      },
    },
    ...problemResponses,
  },
});

export function registerReports(app: OpenAPIHono<AppEnv>, deps: HttpDeps): void {
  app.openapi(report, async (c) => {
    const asked = c.req.valid('query').format;
    const format =
      asked ?? ((c.req.header('accept') ?? '').includes('text/html') ? 'html' : 'json');
    const result = await caseReport({
      ctx: actionContext(c, deps),
      input: { caseId: c.req.valid('param').caseId, format },
    });
    if (format === 'html') {
      return c.html(renderReportHtml(result), 200, {
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
    }
    return c.json(result, 200);
  });
}
