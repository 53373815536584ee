import { ChatscreenError } from '../../domain/index.js';
import { toUser, USER_COLUMNS, type UserRow } from '../rows/users.js';
import type { UserRepo } from '../store.js';
import { type Db, isUniqueViolation } from './db.js';

export function pgUsers(db: Db): UserRepo {
  return {
    async insert(user, tokenHash) {
      try {
        await db.savepoint(() =>
          db.run(
            `INSERT INTO users (id, name, role, disabled, token_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [user.id, user.name, user.role, user.disabled, tokenHash, user.createdAt],
          ),
        );
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ChatscreenError('conflict', 'a user with that name exists');
        throw error;
      }
    },
    async get(id) {
      const row = await db.one<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
      return row === null ? null : toUser(row);
    },
    async findByTokenHash(tokenHash) {
      const row = await db.one<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE token_hash = $1`, [
        tokenHash,
      ]);
      return row === null ? null : toUser(row);
    },
    async list() {
      return (
        await db.rows<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at, id`)
      ).map(toUser);
    },
    async setDisabled(id, disabled) {
      await db.run('UPDATE users SET disabled = $1 WHERE id = $2', [disabled, id]);
    },
    async setTokenHash(id, tokenHash) {
      await db.run('UPDATE users SET token_hash = $1 WHERE id = $2', [tokenHash, id]);
    },
  };
}
