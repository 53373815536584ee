import { type Actor, ChatscreenError } from '../domain/index.js';
import type { Store, UserRecord } from '../store/index.js';
import { hashToken, TOKEN_PREFIX } from './tokens.js';

/** Resolves a bearer token to an active user; any failure is the same `unauthenticated`. */
export async function authenticate(
  store: Store,
  token: string | null,
): Promise<{ user: UserRecord; actor: Actor }> {
  if (token === null || !token.startsWith(TOKEN_PREFIX) || token.length > 200) {
    throw new ChatscreenError('unauthenticated', 'a valid bearer token is required');
  }
  const user = await store.read((tx) => tx.users.findByTokenHash(hashToken(token)));
  if (user === null || user.disabled) {
    throw new ChatscreenError('unauthenticated', 'a valid bearer token is required');
  }
  return { user, actor: { kind: 'user', userId: user.id, role: user.role } };
}
