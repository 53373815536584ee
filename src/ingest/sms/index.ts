import { ZoneConverter } from '../time/zoned.js';
import type {
  DetectResult,
  ExportSource,
  ImportContext,
  ImportedMessage,
  Importer,
} from '../types.js';
import { smsEntries } from './detect.js';
import { messageFromElement } from './records.js';
import { readXmlElements } from './xml-elements.js';

/**
 * SMS Backup & Restore (SyncTech) XML: `<smses>` with `<sms>` and `<mms>` children, streamed with
 * saxes. One file, or a zip/folder of such files (read in path order). Conversations are per
 * address (punctuation-insensitive); what the owner sent has the sender `me`.
 */
export const smsImporter: Importer = {
  format: 'sms',

  async detect(source: ExportSource): Promise<DetectResult | null> {
    const found = await smsEntries(source);
    if (found.length === 0) return null;
    return { format: 'sms', confidence: source.kind === 'file' ? 0.95 : 0.9, variant: null };
  },

  async *read(source: ExportSource, context: ImportContext): AsyncIterable<ImportedMessage> {
    const zone = new ZoneConverter(context.timezone);
    const backups = new Set(await smsEntries(source));
    const titles = new Map<string, string | null>();
    for (const entry of source.entries) {
      if (!backups.has(entry)) {
        context.report.noteFile(entry.path, entry.size, 'ignored');
        continue;
      }
      context.report.noteFile(entry.path, entry.size, 'messages');
      let ordinal = 0;
      let declared: number | null = null;
      for await (const event of readXmlElements(await entry.open(), entry.path, context.report)) {
        if (event.type === 'root') {
          const count = event.attributes.count;
          declared = count !== undefined && /^\d+$/.test(count) ? Number(count) : null;
          continue;
        }
        const message = messageFromElement(event.element, {
          context,
          zone,
          file: entry.path,
          ordinal,
          titles,
        });
        ordinal += 1;
        if (message !== null) yield message;
      }
      if (declared !== null && declared !== ordinal) {
        // The app writes the number of messages in the root; a difference means lost or extra data.
        context.report.warn(
          'count_mismatch',
          `the backup declares ${declared} messages; ${ordinal} were found`,
          { file: entry.path, byteOffset: 0, byteLength: 0, line: null },
        );
      }
    }
  },
};
