import { ChatscreenError, type Role } from '../domain/index.js';
import type { UserRecord } from '../store/index.js';
import { requireGlobal } from './authorise.js';
import type { ActionContext } from './context.js';
import { recordEvent } from './events.js';
import { hashToken, newId, newToken } from './tokens.js';

/** A user as the API shows it: no token, no hash. */
export type UserView = UserRecord;

export async function createUser({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { name: string; role: Role };
}): Promise<{ user: UserView; token: string }> {
  requireGlobal(ctx, 'users.manage');
  const token = newToken();
  const user: UserRecord = {
    id: newId('u'),
    name: input.name,
    role: input.role,
    disabled: false,
    createdAt: ctx.now().toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.users.insert(user, hashToken(token));
    // The user's name is staff identity, not evidence: kept in the users table, not the event.
    await recordEvent(tx, ctx, {
      action: 'user.created',
      caseId: null,
      subject: { type: 'user', id: user.id },
      details: { role: user.role },
    });
  });
  return { user, token };
}

export async function listUsers({ ctx }: { ctx: ActionContext }): Promise<UserView[]> {
  requireGlobal(ctx, 'users.list');
  return ctx.store.read((tx) => tx.users.list());
}

export async function disableUser({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { userId: string };
}): Promise<UserView> {
  requireGlobal(ctx, 'users.manage');
  return ctx.store.transaction(async (tx) => {
    const user = await tx.users.get(input.userId);
    if (user === null) throw new ChatscreenError('not_found', 'no such user');
    if (ctx.actor.kind === 'user' && ctx.actor.userId === user.id) {
      throw new ChatscreenError('conflict', 'an admin cannot disable their own account');
    }
    await tx.users.setDisabled(user.id, true);
    await recordEvent(tx, ctx, {
      action: 'user.disabled',
      caseId: null,
      subject: { type: 'user', id: user.id },
    });
    return { ...user, disabled: true };
  });
}

/** Replaces a user's token (the old one stops working at once); the new one is shown once. */
export async function issueToken({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { userId: string };
}): Promise<{ user: UserView; token: string }> {
  requireGlobal(ctx, 'users.manage');
  const token = newToken();
  const user = await ctx.store.transaction(async (tx) => {
    const found = await tx.users.get(input.userId);
    if (found === null) throw new ChatscreenError('not_found', 'no such user');
    await tx.users.setTokenHash(found.id, hashToken(token));
    await recordEvent(tx, ctx, {
      action: 'user.token_issued',
      caseId: null,
      subject: { type: 'user', id: found.id },
    });
    return found;
  });
  return { user, token };
}
