import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer tokens: 256 random bits, shown once, stored only as their SHA-256. A slow password hash
 * adds nothing at this entropy, and a fast one keeps every request's lookup cheap.
 */
export const TOKEN_PREFIX = 'cs_';

export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Random ids with a type prefix (`c_`, `u_`, `r_`...): 96 bits, URL-safe. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
