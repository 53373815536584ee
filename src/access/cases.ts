import {
  type CaseRecord,
  type CaseRole,
  type CaseScope,
  ChatscreenError,
  canHoldCaseRole,
  isCaseOpen,
} from '../domain/index.js';
import type { MembershipRecord } from '../store/index.js';
import { requireCase, requireGlobal } from './authorise.js';
import { type ActionContext, actorId } from './context.js';
import { recordEvent } from './events.js';
import { newId } from './tokens.js';

export interface CaseInput {
  reference: string;
  legalBasis: string;
  authorisedBy: string;
  scope: CaseScope;
  expiresAt: string;
}

export interface CaseView extends CaseRecord {
  /** Open and unexpired right now. */
  open: boolean;
  /** The caller's role in the case (null for the operator). */
  myRole: CaseRole | null;
}

function view(record: CaseRecord, myRole: CaseRole | null, now: Date): CaseView {
  return { ...record, open: isCaseOpen(record, now), myRole };
}

/** Opens a case; its creator becomes its first investigator. */
export async function createCase({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: CaseInput;
}): Promise<{ id: string }> {
  requireGlobal(ctx, 'cases.create');
  const now = ctx.now();
  if (Date.parse(input.expiresAt) <= now.getTime()) {
    throw new ChatscreenError('validation_failed', 'expiresAt must be in the future', {
      field: 'expiresAt',
    });
  }
  if (input.scope.from !== null && input.scope.to !== null && input.scope.from > input.scope.to) {
    throw new ChatscreenError('validation_failed', 'scope.from must not be after scope.to', {
      field: 'scope',
    });
  }
  const record: CaseRecord = {
    id: newId('c'),
    ...input,
    status: 'open',
    createdAt: now.toISOString(),
    createdBy: actorId(ctx.actor),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.cases.insert(record);
    if (ctx.actor.kind === 'user') {
      await tx.cases.addMember({
        caseId: record.id,
        userId: ctx.actor.userId,
        role: 'investigator',
        addedAt: record.createdAt,
        addedBy: ctx.actor.userId,
      });
    }
    await recordEvent(tx, ctx, {
      action: 'case.created',
      caseId: record.id,
      subject: { type: 'case', id: record.id },
      details: {
        scopedParticipants: input.scope.participants?.length ?? null,
        from: input.scope.from,
        to: input.scope.to,
        expiresAt: input.expiresAt,
      },
    });
  });
  return { id: record.id };
}

export async function listCases({ ctx }: { ctx: ActionContext }): Promise<CaseView[]> {
  if (ctx.actor.kind !== 'user') throw new ChatscreenError('forbidden', 'only users have cases');
  const { userId } = ctx.actor;
  const now = ctx.now();
  const cases = await ctx.store.read((tx) => tx.cases.listForUser(userId));
  return cases.map(({ memberRole, ...record }) => view(record, memberRole, now));
}

export async function getCase({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { caseId: string };
}): Promise<CaseView & { members: MembershipRecord[] }> {
  return ctx.store.read(async (tx) => {
    const { caseRecord, member } = await requireCase(tx, ctx, input.caseId, 'case.read');
    const members = await tx.cases.listMembers(caseRecord.id);
    return { ...view(caseRecord, member?.role ?? null, ctx.now()), members };
  });
}

/** Closing ends the authorisation early: from then on no upload, run or content read. */
export async function closeCase({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { caseId: string };
}): Promise<CaseView> {
  return ctx.store.transaction(async (tx) => {
    const { caseRecord, member } = await requireCase(tx, ctx, input.caseId, 'case.close');
    if (caseRecord.status === 'closed') return view(caseRecord, member?.role ?? null, ctx.now());
    await tx.cases.setStatus(caseRecord.id, 'closed');
    await recordEvent(tx, ctx, {
      action: 'case.closed',
      caseId: caseRecord.id,
      subject: { type: 'case', id: caseRecord.id },
    });
    return view({ ...caseRecord, status: 'closed' }, member?.role ?? null, ctx.now());
  });
}

export async function addMember({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { caseId: string; userId: string; role: CaseRole };
}): Promise<MembershipRecord> {
  return ctx.store.transaction(async (tx) => {
    const { caseRecord } = await requireCase(tx, ctx, input.caseId, 'members.manage');
    const user = await tx.users.get(input.userId);
    if (user === null || user.disabled) {
      throw new ChatscreenError('validation_failed', 'no such active user', { field: 'userId' });
    }
    if (!canHoldCaseRole(user.role, input.role)) {
      throw new ChatscreenError(
        'validation_failed',
        `a user with the ${user.role} role cannot be a case ${input.role}`,
        { field: 'role' },
      );
    }
    const member: MembershipRecord = {
      caseId: caseRecord.id,
      userId: user.id,
      role: input.role,
      addedAt: ctx.now().toISOString(),
      addedBy: actorId(ctx.actor),
    };
    await tx.cases.addMember(member);
    await recordEvent(tx, ctx, {
      action: 'member.added',
      caseId: caseRecord.id,
      subject: { type: 'user', id: user.id },
      details: { role: input.role },
    });
    return member;
  });
}
