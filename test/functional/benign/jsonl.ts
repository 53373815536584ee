import { BENIGN_CHAT } from './chat.js';

/** The benign chat set as JSON lines ({id, text}), exactly as committed in chat.jsonl. */
export function benignJsonl(): string {
  return `${BENIGN_CHAT.map((text, i) => JSON.stringify({ id: `benign/${i}`, text })).join('\n')}\n`;
}
