import type { Database } from 'better-sqlite3';
import { ChatscreenError } from '../../domain/index.js';
import { toUser, USER_COLUMNS, type UserRow } from '../rows/users.js';
import type { UserRepo } from '../store.js';
import { isUniqueViolation } from './errors.js';

export function sqliteUsers(db: Database): UserRepo {
  const insert = db.prepare(
    'INSERT INTO users (id, name, role, disabled, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`);
  const byToken = db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE token_hash = ?`);
  const all = db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at, id`);
  const setDisabled = db.prepare('UPDATE users SET disabled = ? WHERE id = ?');
  const setToken = db.prepare('UPDATE users SET token_hash = ? WHERE id = ?');
  return {
    async insert(user, tokenHash) {
      try {
        insert.run(user.id, user.name, user.role, user.disabled ? 1 : 0, tokenHash, user.createdAt);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ChatscreenError('conflict', 'a user with that name exists');
        throw error;
      }
    },
    async get(id) {
      const row = byId.get(id) as UserRow | undefined;
      return row === undefined ? null : toUser(row);
    },
    async findByTokenHash(tokenHash) {
      const row = byToken.get(tokenHash) as UserRow | undefined;
      return row === undefined ? null : toUser(row);
    },
    async list() {
      return (all.all() as UserRow[]).map(toUser);
    },
    async setDisabled(id, disabled) {
      setDisabled.run(disabled ? 1 : 0, id);
    },
    async setTokenHash(id, tokenHash) {
      setToken.run(tokenHash, id);
    },
  };
}
