import { isUtf8 } from 'node:buffer';
import {
  type Conversation,
  FileMessageIds,
  messageIdPrefix,
  type Participant,
  participantIdFromName,
  type SourceLocation,
} from '../../domain/index.js';
import type { ParseReportBuilder } from '../report.js';
import type { WallTime, ZoneConverter } from '../time/zoned.js';
import type { ImportedMessage } from '../types.js';
import { ByteTable, hashBytes } from './byte-table.js';
import { type BodyInput, classifyBody, type LinkFile } from './classify.js';
import type { HeaderStyle } from './header.js';
import { LocalTimeFormatter } from './local-time.js';
import { cleanName, MAX_NAME_LENGTH, type NameBook, separatorsOf } from './sender.js';

/** What the header line of a message gave: its style, wall time, sender and text. */
export interface MessageHead {
  style: HeaderStyle;
  /** Marks before the opening bracket (RawHeader.markedLine). */
  markedLine: boolean;
  wall: WallTime;
  /**
   * The sender when it was found from the line's bytes (`senderAt`; null: none), and `text` is
   * then the body (all of the rest when there is no sender). Undefined: `text` is the whole
   * rest ("Name: text" or a system text), to be split here.
   */
  sender: Participant | null | undefined;
  text: string;
}

/** A shortest name read from bytes, as senderAt caches it. */
export interface NameFromBytes {
  /** The sender; null: the line has none (its rest is its body); undefined: split the text. */
  sender: Participant | null | undefined;
  /** UTF-16 length of the name as written (before cleaning). */
  units: number;
  /** The name's bytes are not valid UTF-8. */
  invalidUtf8: boolean;
}

export interface BuilderContext {
  exportId: string;
  file: string;
  conversation: Conversation;
  converter: ZoneConverter;
  report: ParseReportBuilder;
  names: NameBook;
  link: LinkFile;
}

/** Participants seen, shared between messages (frozen); bounded for hostile files. */
const MAX_CACHED_PARTICIPANTS = 10_000;
/** Shortest names remembered by their bytes. */
const MAX_NAMES_BY_BYTES = 10_000;
const REPLACEMENT = '\uFFFD';

/** Turns finished lines into an ImportedMessage: sender, kind, text, times and ids. */
export class MessageBuilder {
  private ordinal = 0;
  private readonly participants = new Map<string, Participant>();
  private readonly namesReported = new Set<string>();
  private readonly times: LocalTimeFormatter;
  /** `sentAt` of the last message built, in ms since the epoch (for ImportContext.onMessage). */
  lastSentAtMs = 0;
  /** Ids are this prefix and the ordinal (messageIdAt, domain/ids.ts): one hash per file. */
  private readonly ids: FileMessageIds;
  private readonly namesByBytes = new ByteTable<NameFromBytes>(MAX_NAMES_BY_BYTES);
  /** The same by the number the line preparer gave the name's bytes (prepared-lines.ts NAME_ID). */
  private readonly namesById: NameFromBytes[] = [];
  /** classifyBody's input, reused: one object less per message. */
  private readonly body: BodyInput = {
    first: '',
    tail: '',
    hasSender: false,
    markedLine: false,
    style: 'dash',
  };

  constructor(private readonly ctx: BuilderContext) {
    this.times = new LocalTimeFormatter(ctx.converter);
    this.ids = new FileMessageIds(messageIdPrefix(ctx.exportId, ctx.file));
  }

  /**
   * How the line whose rest is `buf[restStart, end)`, with its first ": " at `s1` (after at
   * least one byte of name), names its sender: what `build` would make of the decoded rest,
   * decided once per distinct name and then found by the name's bytes, or by the number the
   * line preparer gave them (`nameId`, -1 for none).
   */
  senderAt(buf: Buffer, restStart: number, s1: number, end: number, nameId = -1): NameFromBytes {
    if (nameId >= 0) {
      const known = this.namesById[nameId];
      if (known !== undefined) return known;
      const named = this.nameFrom(buf, restStart, s1, end);
      this.namesById[nameId] = named;
      return named;
    }
    const hash = hashBytes(buf, restStart, s1);
    const known = this.namesByBytes.find(buf, restStart, s1, hash);
    if (known !== undefined) return known;
    const named = this.nameFrom(buf, restStart, s1, end);
    this.namesByBytes.add(buf, restStart, s1, hash, named);
    return named;
  }

  private nameFrom(buf: Buffer, restStart: number, s1: number, end: number): NameFromBytes {
    const short = buf.toString('utf8', restStart, s1);
    let sender: Participant | null | undefined = null;
    if (short.length <= MAX_NAME_LENGTH) {
      const rest = buf.toString('utf8', restStart, end);
      const decision = this.ctx.names.decisionFor(rest, separatorsOf(rest));
      if (decision === null) {
        const name = cleanName(short);
        sender = name === '' ? null : this.participant(name);
      } else if (decision !== false) {
        sender = undefined;
      }
    }
    const invalidUtf8 = short.includes(REPLACEMENT) && !isUtf8(buf.subarray(restStart, s1));
    return { sender, units: short.length, invalidUtf8 };
  }

  /** The message of a header and its continuation lines (`tail`, each after its line break). */
  build(head: MessageHead, tail: string, source: SourceLocation): ImportedMessage {
    let sender = head.sender;
    let body = head.text;
    let extendedName = false;
    if (sender === undefined) {
      const rest = head.text;
      const separators = separatorsOf(rest);
      const nameEnd = this.ctx.names.nameEnd(rest, separators);
      const name = nameEnd >= 0 ? cleanName(rest.slice(0, nameEnd)) : '';
      sender = name === '' ? null : this.participant(name);
      if (sender !== null) body = rest.slice(nameEnd + 2);
      extendedName = nameEnd > (separators[0] ?? nameEnd);
    }
    const input = this.body;
    input.first = body;
    input.tail = tail;
    input.hasSender = sender !== null;
    input.markedLine = head.markedLine;
    input.style = head.style;
    const c = classifyBody(input, this.ctx.link);
    if (c.dropSender) sender = null;
    if (extendedName && sender !== null) this.reportExtendedName(sender.name, source);
    if (c.unknownMarker) {
      this.ctx.report.warn(
        'unrecognised_marker',
        'a generated iOS line in a locale without a marker table was read as media of unknown type',
        source,
      );
    }
    const time = this.times.convert(head.wall);
    this.lastSentAtMs = time.epochMs;
    if (time.resolution === 'ambiguous') {
      this.ctx.report.warn(
        'ambiguous_local_time',
        'the local time occurs twice (clocks went back); the earlier instant was taken',
        source,
      );
    } else if (time.resolution === 'gap') {
      this.ctx.report.warn(
        'nonexistent_local_time',
        'the local time does not exist (clocks went forward); read with the offset before the change',
        source,
      );
    }
    const ordinal = this.ordinal;
    this.ordinal += 1;
    return {
      id: this.ids.at(ordinal),
      sourceId: null,
      exportId: this.ctx.exportId,
      conversation: this.ctx.conversation,
      seq: 0,
      sender,
      sentAt: time.sentAt,
      sentAtLocal: time.sentAtLocal,
      kind: c.kind,
      text: c.text,
      attachments: c.attachments,
      edited: c.edited,
      replyTo: null,
      source,
    };
  }

  private participant(name: string): Participant {
    const known = this.participants.get(name);
    if (known !== undefined) return known;
    const p = Object.freeze({ id: participantIdFromName(name), name });
    if (this.participants.size < MAX_CACHED_PARTICIPANTS) this.participants.set(name, p);
    return p;
  }

  private reportExtendedName(name: string, source: SourceLocation): void {
    if (this.namesReported.has(name) || this.namesReported.size >= 1000) return;
    this.namesReported.add(name);
    this.ctx.report.warn(
      'sender_name_with_separator',
      'a sender name containing ": " was recognised because every line from that prefix continues the same way',
      source,
    );
  }
}
