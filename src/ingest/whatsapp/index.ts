import type { Importer } from '../types.js';
import { detectWhatsApp } from './detect.js';
import { readWhatsApp, readWhatsAppBatches } from './read.js';

/**
 * WhatsApp "Export chat" (Android and iOS, `.txt` or a zip with media, every locale).
 * README.md, "Supported export formats", lists what it reads and its known limits.
 */
export const whatsappImporter: Importer = {
  format: 'whatsapp',
  // The first pass over each chat (names, date order, styles) needs no id; the hash runs meanwhile.
  awaitsExportId: true,
  detect: detectWhatsApp,
  read: (source, context) => readWhatsApp(source, context),
  readBatches: (source, context) => readWhatsAppBatches(source, context),
};

export { readWhatsApp, readWhatsAppBatches } from './read.js';
