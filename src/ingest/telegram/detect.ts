import { headText } from '../json/entries.js';
import { guardDetect } from '../json/guard.js';
import type { DetectResult, ExportSource } from '../types.js';
import { telegramEntry } from './locate.js';

export const HEAD_BYTES = 64 * 1024;

const CHAT_TYPE =
  /"type"\s*:\s*"(?:personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages)"/;
const ACCOUNT = /"about"\s*:\s*"Here is the data you requested|"personal_information"\s*:/;
const MESSAGES = /"messages"\s*:\s*\[/;
const CHATS = /"chats"\s*:\s*\{/;

/** True when the text starts (after whitespace) with a JSON object. */
export function startsWithObject(head: string): boolean {
  return /^\s*\{/.test(head);
}

/** Cheap: the head of the JSON file carries Telegram's own field names. */
export function detectTelegram(source: ExportSource): Promise<DetectResult | null> {
  return guardDetect(async () => {
    const entry = telegramEntry(source);
    if (entry === null) return null;
    const head = await headText(source, entry, HEAD_BYTES);
    if (!startsWithObject(head)) return null;
    const account = ACCOUNT.test(head) || CHATS.test(head);
    const variant = account ? 'account' : 'single';
    if (head.includes('"date_unixtime"') && (MESSAGES.test(head) || account)) {
      return { format: 'telegram', confidence: 0.95, variant };
    }
    if (ACCOUNT.test(head) || (CHAT_TYPE.test(head) && MESSAGES.test(head))) {
      return { format: 'telegram', confidence: 0.9, variant };
    }
    if (MESSAGES.test(head) && head.includes('"from_id"') && head.includes('"date"')) {
      return { format: 'telegram', confidence: 0.7, variant };
    }
    return null;
  });
}
