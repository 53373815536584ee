import type { Actor, AuditActor } from '../domain/index.js';
import type { Store } from '../store/index.js';

/**
 * What every action receives besides its input (GUIDE §2: actions are `({ ctx, input })`).
 * Transport-independent: HTTP, the CLI and tests build it the same way.
 */
export interface ActionContext {
  store: Store;
  actor: Actor;
  now(): Date;
  /** The reason the person gave for this access (X-Justification), or null. */
  justification: string | null;
}

export function auditActor(actor: Actor): AuditActor {
  if (actor.kind === 'user') return { kind: 'user', id: actor.userId };
  if (actor.kind === 'operator') return { kind: 'operator', id: actor.osUser };
  return { kind: 'system', id: null };
}

/** The id recorded as "created by" / "decided by": a user id, `operator:<account>` or `system`. */
export function actorId(actor: Actor): string {
  if (actor.kind === 'user') return actor.userId;
  if (actor.kind === 'operator') return `operator:${actor.osUser}`;
  return 'system';
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, role: null };
