import {
  CASE_PERMISSIONS,
  type CasePermission,
  type CaseRecord,
  ChatscreenError,
  type GlobalPermission,
  hasCasePermission,
  hasGlobalPermission,
  isCaseOpen,
} from '../domain/index.js';
import type { MembershipRecord, StoreTx } from '../store/index.js';
import type { ActionContext } from './context.js';

/** Refuses with `forbidden` unless the actor's global role allows the action. */
export function requireGlobal(ctx: ActionContext, permission: GlobalPermission): void {
  if (ctx.actor.kind === 'system') return;
  if (ctx.actor.kind === 'operator') return;
  if (!hasGlobalPermission(ctx.actor.role, permission)) {
    throw new ChatscreenError('forbidden', `the ${ctx.actor.role} role may not do this`);
  }
}

export interface CaseAccess {
  caseRecord: CaseRecord;
  /** null for the local operator and the service itself, who are not members. */
  member: MembershipRecord | null;
}

/**
 * The one gate in front of everything inside a case: a non-member learns nothing (the case is
 * `not_found`), a member whose role lacks the permission is `forbidden`, content needs an open,
 * unexpired case and a justification. The operator at the CLI holds the data directory itself
 * and is not a member; the event log records them as such.
 */
export async function requireCase(
  tx: StoreTx,
  ctx: ActionContext,
  caseId: string,
  permission: CasePermission,
): Promise<CaseAccess> {
  const caseRecord = await tx.cases.get(caseId);
  if (caseRecord === null) throw new ChatscreenError('not_found', 'no such case');
  let member: MembershipRecord | null = null;
  if (ctx.actor.kind === 'user') {
    member = await tx.cases.getMember(caseId, ctx.actor.userId);
    if (member === null) throw new ChatscreenError('not_found', 'no such case');
    if (!hasCasePermission(member.role, permission)) {
      throw new ChatscreenError('forbidden', `a case ${member.role} may not do this`);
    }
  }
  const rule = CASE_PERMISSIONS[permission];
  if (rule.open && !isCaseOpen(caseRecord, ctx.now())) {
    throw new ChatscreenError(
      'case_not_open',
      'the case is closed or its authorisation has expired',
    );
  }
  if (rule.justify && ctx.actor.kind === 'user' && ctx.justification === null) {
    throw new ChatscreenError(
      'justification_required',
      'reading content needs a justification (X-Justification header or justification query field)',
      { field: 'justification' },
    );
  }
  return { caseRecord, member };
}
