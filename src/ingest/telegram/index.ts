import { guardRead } from '../json/guard.js';
import type { Importer } from '../types.js';
import { detectTelegram } from './detect.js';
import { readTelegram } from './read.js';

/** Telegram Desktop "Export chat history" JSON: one chat (`result.json`) or the whole account. */
export const telegramImporter: Importer = {
  format: 'telegram',
  detect: detectTelegram,
  read: (source, context) => guardRead('Telegram', () => readTelegram(source, context)),
};
