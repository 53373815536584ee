import { discordImporter } from './discord/index.js';
import { csvImporter, jsonlImporter } from './generic/index.js';
import { messengerImporter } from './messenger/index.js';
import { slackImporter } from './slack/index.js';
import { smsImporter } from './sms/index.js';
import { telegramImporter } from './telegram/index.js';
import type { Importer } from './types.js';
import { whatsappImporter } from './whatsapp/index.js';

/**
 * Every importer auto-detection tries, in no particular order (detection takes the most confident
 * one and refuses ties). Each format's author adds theirs here.
 */
export const IMPORTERS: readonly Importer[] = [
  whatsappImporter,
  smsImporter,
  telegramImporter,
  discordImporter,
  slackImporter,
  messengerImporter,
  csvImporter,
  jsonlImporter,
];
