import { FUNCTIONAL_CASES } from './cases.js';

/** The suite as JSON lines, exactly as committed in cases.jsonl. */
export function casesJsonl(): string {
  return `${FUNCTIONAL_CASES.map((c) => JSON.stringify(c)).join('\n')}\n`;
}
