/**
 * Column values as the two backends hand them back, and the conversions the shared row mappers
 * apply. Both stores keep JSON as the text written (audit details are hashed, so never
 * re-serialised); they differ only in booleans and 64-bit integers:
 *
 * | column kind | SQLite (better-sqlite3) | PostgreSQL (pg)        |
 * |-------------|-------------------------|------------------------|
 * | boolean     | integer 0 / 1           | boolean                |
 * | bigint      | number                  | string (exact decimal) |
 */
export type DbBool = boolean | number;
export type DbBigint = number | string;

export function fromDbBool(value: DbBool): boolean {
  return value === true || value === 1;
}

/** 64-bit integers here (audit seqs, byte sizes) stay far below 2^53. */
export function fromDbBigint(value: DbBigint): number {
  return Number(value);
}

/** JSON columns: written with JSON.stringify, read back typed by the mapper that owns them. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}
