import type { Readable } from 'node:stream';
import { ChatscreenError, isChatscreenError, type SourceLocation } from '../../domain/index.js';
import { linePieces, Utf8PiecesDecoder } from '../../lib/utf8-pieces.js';
import { flatten } from '../flatten.js';
import { DEFAULT_MAX_LINE_BYTES, RawLineSplitter, toBytes } from '../text/line-reader.js';
import { ZoneConverter } from '../time/zoned.js';
import type { ExportEntry, ExportSource, ImportContext, ImportedMessage } from '../types.js';
import { ChatAssembler } from './assemble.js';
import { MediaIndex } from './attachments.js';
import { conversationFor } from './conversation.js';
import { conversationTitle, findChatEntries } from './entries.js';
import { MessageBuilder } from './message-builder.js';
import { type ScanResult, scanChat, stylesInUse } from './scan.js';

/**
 * Reads every chat file of the export, each twice: a first pass decides what the file says as a
 * whole (day/month order, header styles, names with ": "), the second yields the messages. Both
 * stream; nothing proportional to the file is held. Any failure that is not already one of the
 * project's errors becomes one, so callers only ever see ChatscreenError.
 */
/** Bytes fed to the line splitter between two arrays of messages (a few hundred messages). */
const FEED_BYTES = 16 * 1024;
/**
 * From this size a chat file's second pass has its text decoded on a worker thread
 * (lib/utf8-pieces.ts): decoding was the largest single cost of the main thread there. Below,
 * starting the thread (about 30 ms) costs more than it saves.
 */
export const DECODE_AHEAD_FROM_BYTES = 4 * 1024 * 1024;

export interface ReadOptions {
  maxLineBytes?: number;
  /** Chat files of at least this many bytes are decoded on a worker thread (tests set 0). */
  decodeAheadFromBytes?: number;
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
    const decodeFrom = options.decodeAheadFromBytes ?? DECODE_AHEAD_FROM_BYTES;
    for (const entry of chats) {
      where = { file: entry.path, byteOffset: 0, byteLength: 0, line: null };
      // Started before the first pass, so that it is up by the second; always ended below.
      const decoder = entry.size >= decodeFrom ? new Utf8PiecesDecoder() : null;
      try {
        yield* readChat(source, context, entry, where, {
          maxLineBytes,
          converter,
          media,
          seen,
          decoder,
        });
      } finally {
        await decoder?.close();
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

interface ChatState {
  maxLineBytes: number;
  converter: ZoneConverter;
  media: MediaIndex;
  seen: Seen;
  decoder: Utf8PiecesDecoder | null;
}

/** One chat file: the first pass, then the messages. */
async function* readChat(
  source: ExportSource,
  context: ImportContext,
  entry: ExportEntry,
  where: SourceLocation,
  { maxLineBytes, converter, media, seen, decoder }: ChatState,
): AsyncGenerator<ImportedMessage[], void, undefined> {
  context.report.noteFile(entry.path, entry.size, 'messages');
  await refuseUtf16(source, entry);
  const scan = await scanChatEntry(entry, maxLineBytes);
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
  const stream: Readable = await entry.open();
  try {
    const splitter = new RawLineSplitter(assembler, { maxLineBytes });
    // Fed in pieces of about FEED_BYTES so that each array stays small and its messages die
    // young (a whole chunk's worth survived into V8's old generation and tripled the time spent
    // in GC); with a decoder, the pieces end at line feeds and come with their text.
    for await (const piece of linePieces(bytesOf(stream), decoder, FEED_BYTES)) {
      assembler.usePiece(piece);
      splitter.push(piece.bytes);
      const messages = assembler.take();
      if (messages.length > 0) yield messages;
    }
    assembler.usePiece(null);
    splitter.end();
    assembler.end();
    const last = assembler.take();
    if (last.length > 0) yield last;
  } finally {
    stream.destroy();
  }
}

async function* bytesOf(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield toBytes(chunk);
}

async function scanChatEntry(entry: ExportEntry, maxLineBytes: number): Promise<ScanResult> {
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
