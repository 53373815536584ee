import { SECOND_CASES } from './cases.js';

/** The second set as JSON lines, exactly as committed in cases.jsonl. */
export function secondCasesJsonl(): string {
  return `${SECOND_CASES.map((c) => JSON.stringify(c)).join('\n')}\n`;
}
