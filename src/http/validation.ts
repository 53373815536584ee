import type { Hook } from '@hono/zod-openapi';
import { ChatscreenError } from '../domain/index.js';
import type { AppEnv } from './env.js';

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** Which fields were wrong and why, from zod's issues; zod's messages do not echo the values. */
export function describeIssues(issues: readonly Issue[]): {
  detail: string;
  field: string | undefined;
} {
  const parts = issues.slice(0, 10).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const first = issues[0]?.path.map(String).join('.');
  return { detail: parts.join('; '), field: first === '' ? undefined : first };
}

/** Every request schema failure becomes the same validation_failed problem. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    const { detail, field } = describeIssues(result.error.issues);
    throw new ChatscreenError('validation_failed', detail, field === undefined ? {} : { field });
  }
};
