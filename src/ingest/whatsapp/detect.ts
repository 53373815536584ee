import { ChatscreenError, isChatscreenError } from '../../domain/index.js';
import type { DetectResult, ExportSource } from '../types.js';
import { findChatEntries, headerLinesIn } from './entries.js';

const DETECT_BYTES = 16 * 1024;

/** A cheap look: is there a chat file whose first lines are WhatsApp message headers? */
export async function detectWhatsApp(source: ExportSource): Promise<DetectResult | null> {
  try {
    const chats = await findChatEntries(source);
    const [chat] = chats;
    if (chat === undefined) return null;
    const head = headerLinesIn(await source.head(chat, DETECT_BYTES));
    if (head.headers === 0) return null;
    const ratio = head.headers / head.lines;
    const named = chat.path !== '' || /whatsapp/iu.test(source.name);
    const confidence = Math.min(
      0.99,
      (head.firstIsHeader ? 0.8 : 0.5) + 0.15 * ratio + (named ? 0.04 : 0),
    );
    const variant = head.bracket * 2 > head.headers ? 'ios' : 'android';
    return { format: 'whatsapp', confidence, variant };
  } catch (error) {
    if (isChatscreenError(error)) throw error;
    throw new ChatscreenError('internal', 'could not look into the export', { cause: error });
  }
}
