/**
 * PostgreSQL `text` cannot hold U+0000, which SQLite (and a chat export) can. Every string going
 * in is escaped reversibly and every string coming out is unescaped, so text round-trips exactly:
 * U+0001 is the escape character, U+0001 U+0001 stands for itself and U+0001 "0" for U+0000.
 * Strings without either character (all but a handful) pass through untouched, and because
 * parameters are escaped the same way, equality in WHERE clauses still matches.
 */
const NUL = '\u0000';
const ESC = '\u0001';

export function encodeText(value: string): string {
  if (!value.includes(NUL) && !value.includes(ESC)) return value;
  return value
    .split(ESC)
    .join(ESC + ESC)
    .split(NUL)
    .join(`${ESC}0`);
}

export function decodeText(value: string): string {
  if (!value.includes(ESC)) return value;
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i];
    if (ch === ESC) {
      const next = value[i + 1];
      out += next === '0' ? NUL : ESC;
      i += 1;
    } else {
      out += ch;
    }
  }
  return out;
}
