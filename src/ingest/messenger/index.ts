import { guardDetect, guardRead } from '../json/guard.js';
import type { Importer } from '../types.js';
import { messengerLayout } from './layout.js';
import { readMessenger } from './read.js';

/**
 * Facebook Messenger and Instagram "Download your information" JSON (`message_N.json` per thread,
 * Latin-1 mojibake repaired) and the newer end-to-end-encrypted Messenger export.
 */
export const messengerImporter: Importer = {
  format: 'messenger',
  detect: (source) =>
    guardDetect(async () => {
      const layout = await messengerLayout(source);
      return layout === null
        ? null
        : { format: 'messenger', confidence: layout.confidence, variant: layout.variant };
    }),
  read: (source, context) => guardRead('Messenger', () => readMessenger(source, context)),
};
