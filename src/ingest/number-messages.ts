import { ChatscreenError, type Message } from '../domain/index.js';
import type { ParseReportBuilder } from './report.js';
import type { ImportedMessage } from './types.js';

/**
 * Gives each imported message its `seq` (yield order across the whole export), counts it into the
 * report and notes out-of-order times per conversation. Source order is kept: a message earlier
 * than the previous one in its conversation is reported, never moved. `seq` is written into the
 * importer's object rather than a copy: the pipeline owns what importers yield.
 */
export class MessageNumbering {
  private seq = 0;
  /** Per conversation, the time of its last message: `sentAt`, or ms when the importer gave it. */
  private readonly lastTimeByConversation = new Map<string, Instant>();
  /** The previous message's conversation and its time: consecutive messages mostly share it. */
  private lastConversation: string | null = null;
  private lastTime: Instant = '';

  constructor(private readonly report: ParseReportBuilder) {}

  /** How many messages were numbered. */
  get count(): number {
    return this.seq;
  }

  /** `sentAtMs`: `sentAt` in ms since the epoch, when the importer has it (else it is compared as text). */
  number(message: ImportedMessage, sentAtMs?: number): Message {
    message.seq = this.seq;
    this.seq += 1;
    this.report.countMessage(message.kind, message.conversation.id, message.sender?.id ?? null);
    if (message.sentAt === null) return message;
    const time: Instant = sentAtMs ?? message.sentAt;
    const conversation = message.conversation.id;
    const previous =
      conversation === this.lastConversation
        ? this.lastTime
        : this.lastTimeByConversation.get(conversation);
    if (previous !== undefined && earlier(time, previous)) {
      this.report.countOutOfOrder(message.source);
    }
    if (this.lastConversation !== null && conversation !== this.lastConversation) {
      this.lastTimeByConversation.set(this.lastConversation, this.lastTime);
    }
    this.lastConversation = conversation;
    this.lastTime = time;
    return message;
  }
}

type Instant = number | string;

function earlier(a: Instant, b: Instant): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return isEarlier(a, b);
  return (typeof a === 'number' ? a : Date.parse(a)) < (typeof b === 'number' ? b : Date.parse(b));
}

/**
 * `a < b` as instants. Importers write `sentAt` with `toISOString` (`2021-03-04T21:15:07.000Z`),
 * whose fixed layout compares as text in time order, which is much cheaper than parsing both;
 * anything else (a year past 9999, a format of its own) is parsed.
 */
export function isEarlier(a: string, b: string): boolean {
  if (isCanonicalIso(a) && isCanonicalIso(b)) return a < b;
  return Date.parse(a) < Date.parse(b);
}

function isCanonicalIso(s: string): boolean {
  const c = s.charCodeAt(0);
  return (
    s.length === 24 &&
    c >= 0x30 &&
    c <= 0x39 &&
    s.charCodeAt(10) === 0x54 &&
    s.charCodeAt(19) === 0x2e &&
    s.charCodeAt(23) === 0x5a
  );
}

export async function* numberMessages(
  imported: AsyncIterable<ImportedMessage>,
  numbering: MessageNumbering,
): AsyncGenerator<Message> {
  for await (const m of imported) yield numbering.number(m);
}

/**
 * The same over an importer's arrays, numbered as the importer completed each message (through
 * `numbering.number`, its context's `onMessage`): checked here, and passed on.
 */
export async function* numberedBatches(
  imported: AsyncIterable<readonly ImportedMessage[]>,
  numbering: MessageNumbering,
): AsyncGenerator<readonly Message[]> {
  let count = 0;
  for await (const batch of imported) {
    count += batch.length;
    if (numbering.count !== count) {
      throw new ChatscreenError('internal', 'the importer yielded messages it did not complete');
    }
    if (batch.length > 0) yield batch;
  }
}
