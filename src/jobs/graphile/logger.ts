import { Logger as GraphileLogger } from 'graphile-worker';
import type { Logger } from 'pino';

/**
 * graphile-worker's log lines into pino. Its messages name jobs, tasks and workers (ids, never
 * content: payloads are a run id and a batch index); its chatty info lines go to debug.
 */
export function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message) => {
    const fields = { worker: scope.workerId, task: scope.taskIdentifier, job: scope.jobId };
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else log.debug(fields, message);
  });
}
