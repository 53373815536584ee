import type { Role } from '../../domain/index.js';
import type { UserRecord } from '../records.js';
import { type DbBool, fromDbBool } from './columns.js';

/** The columns of `users` a read returns: never the token hash. */
export const USER_COLUMNS = 'id, name, role, disabled, created_at';

/** A row of USER_COLUMNS. */
export interface UserRow {
  id: string;
  name: string;
  role: string;
  disabled: DbBool;
  created_at: string;
}

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    disabled: fromDbBool(row.disabled),
    createdAt: row.created_at,
  };
}
