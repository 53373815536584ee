import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { ChatscreenError } from '../domain/index.js';
import type { AppEnv, HttpDeps } from './env.js';
import { authenticateRequest } from './middleware/authenticate.js';
import { requestContext } from './middleware/request-context.js';
import { onError, problemResponse } from './problem.js';
import { registerAudit } from './routes/audit.js';
import { registerCases } from './routes/cases.js';
import { registerExports } from './routes/exports.js';
import { registerFlags } from './routes/flags.js';
import { registerHealth } from './routes/health.js';
import { registerMe } from './routes/me.js';
import { registerModels } from './routes/models.js';
import { registerParticipants } from './routes/participants.js';
import { registerQc } from './routes/qc.js';
import { registerReplays } from './routes/replays.js';
import { registerReports } from './routes/reports.js';
import { registerRunDecisions } from './routes/run-decisions.js';
import { registerRunEvents } from './routes/run-events.js';
import { registerRuns } from './routes/runs.js';
import { registerUsers } from './routes/users.js';
import { validationHook } from './validation.js';
import { registerWebAssets } from './web-assets.js';

/** Routes that answer without a token. */
const PUBLIC_PATHS = new Set(['/api/health', '/openapi.json']);

/** The whole HTTP surface; `app.request()` drives it in tests, @hono/node-server in production. */
export function createApp(deps: HttpDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const auth = authenticateRequest(deps.store);

  app.use('*', requestContext(deps.log));
  app.use('*', secureHeaders());
  app.use('/api/*', async (c, next) => {
    // Nothing under /api may be cached by a browser or proxy: it is evidence or about it.
    c.header('cache-control', 'no-store');
    if (PUBLIC_PATHS.has(c.req.path)) return next();
    return auth(c, next);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from `chatscreen users add` or POST /api/users',
  });
  for (const register of [
    registerHealth,
    registerMe,
    registerUsers,
    registerCases,
    registerExports,
    registerParticipants,
    registerRuns,
    registerRunEvents,
    registerFlags,
    registerRunDecisions,
    registerQc,
    registerReplays,
    registerModels,
    registerAudit,
    registerReports,
  ]) {
    register(app, deps);
  }
  // The reviewer and auditor page at `/` (outside /api: no token needed to load the page itself).
  registerWebAssets(app);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'chatscreen',
      version: '0.1.0',
      description:
        'Screens lawfully obtained chat exports for discriminatory and abusive language for human review. Errors are application/problem+json. Content reads need a justification (X-Justification). See docs/api.md.',
    },
  });

  app.onError(onError);
  app.notFound((c) => problemResponse(c, new ChatscreenError('not_found', 'no such route')));
  return app;
}
