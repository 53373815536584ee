import type { Readable } from 'node:stream';
import { ChatscreenError, isChatscreenError, type SourceLocation } from '../../domain/index.js';
import { flatten } from '../flatten.js';
import { fromFsError } from '../sources/errors.js';
import { DEFAULT_MAX_LINE_BYTES } from '../text/line-reader.js';
import { ZoneConverter } from '../time/zoned.js';
import type { ExportEntry, ExportSource, ImportContext, ImportedMessage } from '../types.js';
import { ChatAssembler } from './assemble.js';
import { MediaIndex } from './attachments.js';
import { conversationFor } from './conversation.js';
import { conversationTitle, findChatEntries } from './entries.js';
import { MessageBuilder } from './message-builder.js';
import { type PreparedBlocks, preparedBlocks } from './prepared-blocks.js';
import { mergeScans, type ScanResult, scanChat, scanChatFile, stylesInUse } from './scan.js';

/**
 * Reads every chat file of the export, each twice: a first pass decides what the file says as a
 * whole (day/month order, header styles, names with ": "), the second yields the messages. Both
 * stream; nothing proportional to the file is held. The second pass's lines are prepared
 * (prepared-blocks.ts) from the start, on a worker thread for a large file, so that preparation
 * runs alongside the first pass and the building of messages. Any failure that is not already
 * one of the project's errors becomes one, so callers only ever see ChatscreenError.
 */
/** Lines read between two arrays of messages (a few hundred messages: they die young). */
const LINES_PER_ARRAY = 256;

export interface ReadOptions {
  maxLineBytes?: number;
  /** From this size a chat file on disk is prepared on a worker thread (tests lower it). */
  prepareOffThreadFromBytes?: number;
}

/** The messages one at a time (the Importer's `read`). */
export function readWhatsApp(
  source: ExportSource,
  context: ImportContext,
  options: ReadOptions = {},
): AsyncIterableIterator<ImportedMessage> {
  return flatten(readWhatsAppBatches(source, context, options));
}

/** The messages in arrays, one per chunk read (the Importer's `readBatches`). */
export async function* readWhatsAppBatches(
  source: ExportSource,
  context: ImportContext,
  options: ReadOptions = {},
): AsyncGenerator<ImportedMessage[], void, undefined> {
  let where: SourceLocation | null = null;
  try {
    const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const chats = await findChatEntries(source);
    if (chats.length === 0) {
      throw new ChatscreenError('wrong_format', 'the export holds no WhatsApp chat file');
    }
    const converter = new ZoneConverter(context.timezone);
    const chatPaths = new Set(chats.map((c) => c.path));
    const others = source.entries.filter((e) => !chatPaths.has(e.path));
    const media = new MediaIndex(others.map((e) => e.path));
    for (const e of others) context.report.noteFile(e.path, e.size, 'media');
    const seen: Seen = { variant: null, order: null };
    for (const entry of chats) {
      where = { file: entry.path, byteOffset: 0, byteLength: 0, line: null };
      context.report.noteFile(entry.path, entry.size, 'messages');
      await refuseUtf16(source, entry);
      const blocks = preparedBlocks(entry, {
        maxLineBytes,
        ...(options.prepareOffThreadFromBytes === undefined
          ? {}
          : { offThreadFromBytes: options.prepareOffThreadFromBytes }),
      });
      try {
        yield* readChat(source, context, entry, blocks, media, converter, seen, maxLineBytes);
      } finally {
        await blocks.close();
      }
    }
  } catch (error) {
    if (isChatscreenError(error)) throw error;
    throw new ChatscreenError('internal', 'could not read the chat file', {
      location: where,
      cause: error,
    });
  }
}

/** One chat file: the first pass, then its messages from the prepared blocks. */
async function* readChat(
  source: ExportSource,
  context: ImportContext,
  entry: ExportEntry,
  blocks: PreparedBlocks,
  media: MediaIndex,
  converter: ZoneConverter,
  seen: Seen,
  maxLineBytes: number,
): AsyncGenerator<ImportedMessage[], void, undefined> {
  const where: SourceLocation = { file: entry.path, byteOffset: 0, byteLength: 0, line: null };
  const scan = await scanChatEntry(entry, maxLineBytes, blocks);
  const { acceptColon, variant } = stylesInUse(scan);
  if (variant === null) {
    if (scan.nonEmptyLines > 0) {
      throw new ChatscreenError(
        'wrong_format',
        'no line of the file is a WhatsApp message header',
        {
          location: where,
        },
      );
    }
    context.report.warn('empty_chat', 'the chat file holds no messages', where);
    return;
  }
  const evidence = acceptColon ? scan.colonEvidence : scan.evidence;
  const decision = evidence.decide(context.dateOrder, entry.path);
  recordVariantAndOrder(context, seen, variant, decision.order, where);
  if (decision.fromChronology) {
    context.report.warn(
      'date_order_from_chronology',
      `every date reads both ways; ${decision.order} was taken because only it keeps the dates in order`,
      where,
    );
  }
  // The export id (from the hash of the whole export, which may still be running) is first
  // needed here, after the first pass: message and conversation ids derive from it.
  if (context.exportIdKnown !== undefined) await context.exportIdKnown;
  const builder = new MessageBuilder({
    exportId: context.exportId,
    file: entry.path,
    conversation: conversationFor(context.exportId, entry.path, conversationTitle(entry, source)),
    converter,
    report: context.report,
    names: scan.names,
    link: (fileName) => media.pathOf(fileName, entry.path),
  });
  const assembler = new ChatAssembler({
    file: entry.path,
    report: context.report,
    builder,
    order: decision.order,
    acceptColon,
    maxLineBytes,
    onMessage: context.onMessage,
  });
  for await (const block of blocks) {
    for (let from = 0; from < block.count; from += LINES_PER_ARRAY) {
      assembler.lines(block, from, Math.min(block.count, from + LINES_PER_ARRAY));
      const messages = assembler.take();
      if (messages.length > 0) yield messages;
    }
  }
  assembler.end();
  const last = assembler.take();
  if (last.length > 0) yield last;
}

/**
 * The first pass over a chat file. When the worker preparing its lines scans the rest of it
 * (`blocks.tailFrom`), this thread scans only the part before and merges the two; if a merge
 * cannot be exact (mergeScans), the whole file is scanned here after all.
 */
async function scanChatEntry(
  entry: ExportEntry,
  maxLineBytes: number,
  blocks: PreparedBlocks,
): Promise<ScanResult> {
  const tailFrom = blocks.tailFrom;
  if (tailFrom !== null && entry.filePath !== undefined) {
    let scan: ScanResult;
    try {
      scan = await scanChatFile(entry.filePath, entry.path, maxLineBytes, {
        start: 0,
        end: tailFrom,
      });
    } catch (error) {
      throw fromFsError(error, entry.path);
    }
    if (mergeScans(scan, await blocks.tailScan())) return scan;
  }
  const stream: Readable = await entry.open();
  try {
    return await scanChat(stream, entry.path, maxLineBytes);
  } finally {
    stream.destroy();
  }
}

/** WhatsApp writes UTF-8; a UTF-16 file (re-saved by an editor) would read as noise. */
async function refuseUtf16(source: ExportSource, entry: ExportEntry): Promise<void> {
  const head = await source.head(entry, 2);
  if (head.length < 2) return;
  const [a, b] = [head[0], head[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    throw new ChatscreenError(
      'invalid_encoding',
      'the chat file is UTF-16; WhatsApp exports are UTF-8',
      {
        location: { file: entry.path, byteOffset: 0, byteLength: 2, line: null },
      },
    );
  }
}

interface Seen {
  variant: 'android' | 'ios' | null;
  order: ImportContext['dateOrder'];
}

/** The report holds one variant and one order: the first chat's, with a warning if others differ. */
function recordVariantAndOrder(
  context: ImportContext,
  seen: Seen,
  variant: 'android' | 'ios',
  order: ImportContext['dateOrder'],
  where: SourceLocation,
): void {
  const { report } = context;
  if (seen.variant === null) {
    seen.variant = variant;
    report.variant = variant;
  } else if (seen.variant !== variant) {
    report.warn('mixed_variants', 'chat files of the export were written by different apps', where);
  }
  if (order === null) return;
  if (seen.order === null) {
    seen.order = order;
    report.dateOrder = order;
  } else if (seen.order !== order) {
    report.warn(
      'mixed_date_orders',
      'chat files of the export use different day/month orders',
      where,
    );
  }
}
