/** How a backend writes its n-th (1-based) parameter: SQLite `?`, PostgreSQL `$n`. */
export type Placeholder = (position: number) => string;

export const questionMark: Placeholder = () => '?';
export const dollarNumber: Placeholder = (position) => `$${position}`;

/** A parameter value; arrays only where a backend binds one (PostgreSQL `= ANY($n)`). */
export type SqlValue = string | number | readonly string[];

/** A statement built up clause by clause, with its parameters in placeholder order. */
export interface SqlQuery {
  sql: string;
  params: SqlValue[];
}

/** Conditions to be joined by AND, and the parameters they bind. */
export interface Where {
  readonly conditions: string[];
  readonly params: SqlValue[];
  /** Appends `value` to the parameters and returns its placeholder. */
  bind(value: SqlValue): string;
}

export function where(placeholder: Placeholder): Where {
  const params: SqlValue[] = [];
  return {
    conditions: [],
    params,
    bind(value) {
      params.push(value);
      return placeholder(params.length);
    },
  };
}
