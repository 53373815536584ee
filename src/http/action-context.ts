import type { Context } from 'hono';
import type { JobsContext } from '../jobs/index.js';
import type { AppEnv, HttpDeps } from './env.js';

/** The context every action receives, built from the request (actor, justification) and deps. */
export function actionContext(c: Context<AppEnv>, deps: HttpDeps): JobsContext {
  return {
    store: deps.store,
    actor: c.get('actor'),
    now: deps.now,
    justification: c.get('justification'),
    catalog: deps.catalog,
    queue: deps.queue,
    runBatchSize: deps.runBatchSize,
  };
}
