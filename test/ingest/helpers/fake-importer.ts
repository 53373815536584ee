import { type ExportFormat, messageIdFor } from '../../../src/domain/index.js';
import type { ExportSource, ImportedMessage, Importer } from '../../../src/ingest/types.js';

/**
 * An importer for pipeline tests: claims files starting with `magic`, and reads each line
 * `conversation|iso-time|text` as one message.
 */
export function fakeImporter(
  format: ExportFormat,
  magic: string,
  confidence = 0.9,
  fail?: () => never,
): Importer {
  return {
    format,
    async detect(source: ExportSource) {
      const entry = source.entries[0];
      if (entry === undefined) return null;
      const head = (await source.head(entry, magic.length)).toString('utf8');
      return head === magic ? { format, confidence, variant: 'fake' } : null;
    },
    async *read(source, context): AsyncIterable<ImportedMessage> {
      const entry = source.entries[0];
      if (entry === undefined) return;
      const chunks: Buffer[] = [];
      for await (const chunk of await entry.open()) chunks.push(chunk as Buffer);
      const lines = Buffer.concat(chunks).toString('utf8').split('\n').slice(1);
      let offset = magic.length + 1;
      for (const [ordinal, line] of lines.entries()) {
        if (fail !== undefined && ordinal === 1) fail();
        const [conversation = '', sentAt = '', text = ''] = line.split('|');
        if (line === '') continue;
        yield {
          id: messageIdFor(context.exportId, entry.path, ordinal),
          sourceId: null,
          exportId: context.exportId,
          conversation: { id: conversation, title: null },
          seq: 0,
          sender: { id: 'p1', name: 'P' },
          sentAt,
          sentAtLocal: null,
          kind: 'message',
          text,
          attachments: [],
          edited: false,
          replyTo: null,
          source: {
            file: entry.path,
            byteOffset: offset,
            byteLength: line.length,
            line: ordinal + 2,
          },
        };
        offset += Buffer.byteLength(line) + 1;
      }
    },
  };
}
