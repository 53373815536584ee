import type { PoolClient, QueryResultRow } from 'pg';
import { decodeText, encodeText } from './text-codec.js';

export type Param =
  | string
  | number
  | boolean
  | null
  | readonly (string | number | boolean | null)[];

/** One transaction's connection, as the repositories see it: escaped text in, unescaped out. */
export interface Db {
  rows<T extends QueryResultRow>(sql: string, params?: readonly Param[]): Promise<T[]>;
  one<T extends QueryResultRow>(sql: string, params?: readonly Param[]): Promise<T | null>;
  /** Rows affected. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** Runs `work` inside a savepoint: a failed statement (a caught conflict) leaves the transaction usable, as in SQLite. */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

function encodeParam(value: Param): unknown {
  if (typeof value === 'string') return encodeText(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? encodeText(v) : v));
  return value;
}

function decodeRow<T extends QueryResultRow>(row: T): T {
  for (const key of Object.keys(row)) {
    const value: unknown = row[key];
    if (typeof value === 'string' && value.includes('\u0001')) {
      (row as Record<string, unknown>)[key] = decodeText(value);
    }
  }
  return row;
}

export function clientDb(client: PoolClient): Db {
  let savepoints = 0;
  async function query<T extends QueryResultRow>(sql: string, params: readonly Param[] = []) {
    return client.query<T>(sql, params.map(encodeParam));
  }
  return {
    async rows<T extends QueryResultRow>(sql: string, params?: readonly Param[]) {
      return (await query<T>(sql, params)).rows.map(decodeRow);
    },
    async one<T extends QueryResultRow>(sql: string, params?: readonly Param[]) {
      const row = (await query<T>(sql, params)).rows[0];
      return row === undefined ? null : decodeRow(row);
    },
    async run(sql, params) {
      return (await query(sql, params)).rowCount ?? 0;
    },
    async savepoint(work) {
      savepoints += 1;
      const name = `sp${savepoints}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await work();
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
}

/** SQLSTATE of a pg error, if it is one. */
export function sqlState(error: unknown): string | null {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : null;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';

/** Placeholders $from, $from+1, ... for a list of values. */
export function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}
