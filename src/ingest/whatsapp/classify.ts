import type { Attachment, AttachmentType, MessageKind } from '../../domain/index.js';
import { androidAttachedName, attachmentTypeOf, iosAttachedName } from './attachments.js';
import type { HeaderStyle } from './header.js';
import { markerKey } from './marker-key.js';
import {
  ANDROID_MEDIA_OMITTED,
  CALLS,
  DELETED,
  DOCUMENT_ENDINGS,
  EDITED_WORDS,
  EXACT_KEYS,
  FOURSQUARE_INLINE,
  FOURSQUARE_LINK,
  IOS_DOCUMENT_OMITTED,
  IOS_MEDIA_OMITTED,
  LIVE_LOCATION,
  MAPS_LINK,
  MAX_EXACT_LENGTH,
  MAX_SYSTEM_PREFIX,
  POLL_HEADS,
  SYSTEM_PREFIXES_BY_FIRST,
} from './markers.js';
import { isMark, stripLeadingMarks, trimMarksAndSpaces } from './marks.js';

/**
 * What kind of message a body is, and what of it is the sender's text. WhatsApp's placeholders
 * ("image omitted", "This message was deleted", the edit notice) are not text: media keep only
 * their caption, deleted messages and calls have no text. Everything a sender wrote is kept
 * exactly, marks included.
 *
 * iOS marks what it generates: the body starts with LRM/RLM (after the header), and media lines
 * also carry a mark before the "[". So in locales the tables do not know, an iOS line with a
 * marked body is a notice (system) or, on a marked line, media of unknown type (reported).
 */

export interface BodyInput {
  /** The first line after "Name: " (the whole rest of the header line when there is no sender). */
  first: string;
  /** The continuation lines, each preceded by the line break that ended the line before it. */
  tail: string;
  hasSender: boolean;
  markedLine: boolean;
  style: HeaderStyle;
}

export interface Classified {
  kind: MessageKind;
  text: string;
  attachments: Attachment[];
  edited: boolean;
  /** The name before ": " was WhatsApp's attribution of a notice (the group or contact), not an author. */
  dropSender: boolean;
  /** A generated line in a locale the marker tables do not know (worth a warning). */
  unknownMarker: boolean;
}

/** Finds an exported attachment's path from its file name. */
export type LinkFile = (fileName: string) => string | null;

const MAX_DOCUMENT_MARKER = Math.max(...[...IOS_DOCUMENT_OMITTED].map((m) => m.length));
const EDIT_NOTICE = /[ \u200E\u200F]*<([^<>\r\n]{1,80})>$/u;
const GENERIC_CALLS = new Set(['Voice call', 'Video call']);
const POLL_HEAD = /^\p{Lu}[\p{Lu} ]{1,19}\s?:$/u;
const POLL_OPTION = /^[\u200E\u200F]?\p{Lu}[\p{Lu} ]{1,19}\s?: .* \(\d+ [^()]+\)$/mu;

export function classifyBody(input: BodyInput, link: LinkFile): Classified {
  let first = input.first;
  let tail = input.tail;
  let edited = false;
  const lastLine = tail === '' ? first : tail;
  if (lastLine.charCodeAt(lastLine.length - 1) === GREATER) {
    const notice = withoutEditNotice(first, tail);
    first = notice.first;
    tail = notice.tail;
    edited = notice.edited;
  }
  if (!input.hasSender) return made(edited, 'system', stripLeadingMarks(first) + tail);
  const s = stripLeadingMarks(first);
  const lead = s.length !== first.length;
  const single = tail === '';
  const starts = tablesThatMayStart(s);

  if (s.length <= MAX_EXACT_LENGTH && (starts & MAY_BE_EXACT) !== 0) {
    const k = markerKey(s);
    if (single && DELETED.has(withoutFinalStop(k))) return made(edited, 'deleted', '');
    if (single && isCall(k, lead)) return made(edited, 'call', '');
    if (ANDROID_MEDIA_OMITTED.has(k))
      return made(edited, 'media', caption(tail), [omitted('other')]);
    const type = IOS_MEDIA_OMITTED.get(k);
    if (type !== undefined) return made(edited, kindFor(type), caption(tail), [omitted(type)]);
    // Android writes "null" for a view-once photo or video.
    if (input.style === 'dash' && single && k === 'null') {
      return made(edited, 'media', '', [omitted('other')]);
    }
    if (single && LIVE_LOCATION.has(k)) return made(edited, 'location', s, [omitted('location')]);
    if (!single && POLL_HEADS.has(k)) return made(edited, 'poll', s + tail);
  }
  if (lead && single && (starts & MAY_BE_CALL) !== 0 && isCall(markerKey(s), lead)) {
    return made(edited, 'call', '');
  }
  const last = s.charCodeAt(s.length - 1);
  if (
    input.style === 'bracket' &&
    DOCUMENT_LAST_CHARS.has(last) &&
    DOCUMENT_ENDINGS.has(s.slice(-2))
  ) {
    const title = iosOmittedDocument(s);
    if (title !== undefined) {
      return made(edited, 'media', caption(tail), [
        { type: 'document', fileName: title, pathInExport: null },
      ]);
    }
  }
  const attached =
    last === GREATER ? iosAttachedName(s) : last === CLOSE_PAREN ? androidAttachedName(s) : null;
  if (attached !== null) {
    const type = attachmentTypeOf(attached);
    const attachment = { type, fileName: attached, pathInExport: link(attached) };
    return made(edited, kindFor(type), caption(tail), [attachment]);
  }
  if (isLocation(s, tail)) return made(edited, 'location', s + tail, [omitted('location')]);
  if (!single && last === COLON && POLL_HEAD.test(s) && POLL_OPTION.test(tail)) {
    return made(edited, 'poll', s + tail);
  }
  const notices =
    (starts & MAY_BE_NOTICE) !== 0 ? SYSTEM_PREFIXES_BY_FIRST.get(firstKeyChar(s)) : undefined;
  if (notices !== undefined) {
    const k = markerKey(s.slice(0, MAX_SYSTEM_PREFIX + 8));
    for (const p of notices) {
      if (k.startsWith(p)) return { ...made(edited, 'system', s + tail), dropSender: true };
    }
  }
  if (input.style === 'bracket' && input.markedLine && (lead || containsMark(s))) {
    return { ...made(edited, 'media', caption(tail), [omitted('other')]), unknownMarker: true };
  }
  if (input.style === 'bracket' && lead)
    return { ...made(edited, 'system', s + tail), dropSender: true };
  return made(edited, 'message', first + tail);
}

// A plain function rather than a closure per call: this runs once per message.
function made(
  edited: boolean,
  kind: MessageKind,
  text: string,
  attachments: Attachment[] = [],
): Classified {
  return { kind, text, attachments, edited, dropSender: false, unknownMarker: false };
}

/** Which tables have a key that could start a text: the bits of `tablesThatMayStart`. */
export const MAY_BE_EXACT = 1;
export const MAY_BE_CALL = 2;
export const MAY_BE_NOTICE = 4;

/**
 * Which of the tables (EXACT_KEYS, CALLS, SYSTEM_PREFIXES) have a key that could start the text,
 * compared in NFD: by the first two characters when both are below U+00C0 (which NFD leaves alone
 * and nothing reorders before), else by the first key character (firstKeyChar). Both lookups are
 * tables built at load from the marker tables (PAIR_STARTS, KEY_STARTS), so that the common case,
 * a sender's text, costs one typed-array read and makes no string.
 */
export function tablesThatMayStart(s: string): number {
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(1);
  if (c0 < 0xc0 && c1 < 0xc0) return PAIR_STARTS[c0 * 0xc0 + c1] ?? 0;
  if (c0 < 0xc0 || s === '') return KEY_STARTS.get(s.charAt(0)) ?? 0;
  return HEAD_STARTS[headSlot(s)] ?? 0;
}

/** The first character as the tables see it (NFD): "É" is looked up as "E". */
export function firstKeyChar(s: string): string {
  if (s.charCodeAt(0) < 0xc0 || s === '') return s.charAt(0);
  return HEAD_KEYS[headSlot(s)] ?? '';
}

/**
 * firstKeyChar of texts that start at U+00C0 or above, by their first two code units (all that
 * it normalises), with their tables' bits: NFD takes an ICU call, and texts start with the same
 * few characters again and again. A direct-mapped cache, whose slots hold the last head that fell
 * into them: no string is made to look one up. HEAD_FIRST 0 marks a slot not filled yet (no head
 * kept here starts below U+00C0).
 */
const HEAD_SLOTS = 4096;
const HEAD_FIRST = new Uint16Array(HEAD_SLOTS);
/** The second code unit, -1 for a text of one. */
const HEAD_SECOND = new Int32Array(HEAD_SLOTS);
const HEAD_KEYS: string[] = new Array<string>(HEAD_SLOTS).fill('');
const HEAD_STARTS = new Uint8Array(HEAD_SLOTS);

/** The slot that holds the head of `s` (not empty, starting at U+00C0 or above), filled if need be. */
function headSlot(s: string): number {
  const c0 = s.charCodeAt(0);
  const c1 = s.length > 1 ? s.charCodeAt(1) : -1;
  const slot = (c0 * 31 + c1) & (HEAD_SLOTS - 1);
  if (HEAD_FIRST[slot] !== c0 || HEAD_SECOND[slot] !== c1) {
    const key = markerKey(s.slice(0, 2)).charAt(0);
    HEAD_FIRST[slot] = c0;
    HEAD_SECOND[slot] = c1;
    HEAD_KEYS[slot] = key;
    HEAD_STARTS[slot] = KEY_STARTS.get(key) ?? 0;
  }
  return slot;
}

/** The tables' bits by the first two characters of their keys, where both are below U+00C0. */
const PAIR_STARTS = new Uint8Array(0xc0 * 0xc0);
/** The tables' bits by the first character of their keys. */
const KEY_STARTS = new Map<string, number>();
for (const [bit, keys] of [
  [MAY_BE_EXACT, EXACT_KEYS],
  [MAY_BE_CALL, CALLS],
  [MAY_BE_NOTICE, [...SYSTEM_PREFIXES_BY_FIRST.values()].flat()],
] as const) {
  for (const k of keys) {
    // A shorter key could start a text by one character, which the pairs do not see.
    if (k.length < 2) throw new Error(`marker key too short for the pair filter: ${k}`);
    const c0 = k.charCodeAt(0);
    const c1 = k.charCodeAt(1);
    if (c0 < 0xc0 && c1 < 0xc0) {
      const at = c0 * 0xc0 + c1;
      PAIR_STARTS[at] = (PAIR_STARTS[at] ?? 0) | bit;
    }
    KEY_STARTS.set(k.charAt(0), (KEY_STARTS.get(k.charAt(0)) ?? 0) | bit);
  }
}

/**
 * The last characters of DOCUMENT_ENDINGS: a text whose last two characters are one of them ends
 * in one of these, so testing its last character first spares most texts the slice.
 */
const DOCUMENT_LAST_CHARS: ReadonlySet<number> = new Set(
  [...DOCUMENT_ENDINGS].map((e) => e.charCodeAt(e.length - 1)),
);
const GREATER = 0x3e;
const CLOSE_PAREN = 0x29;
const COLON = 0x3a;

function kindFor(type: AttachmentType): MessageKind {
  return type === 'contact' ? 'contact' : 'media';
}

function omitted(type: AttachmentType): Attachment {
  return { type, fileName: null, pathInExport: null };
}

/** A media message's caption: the lines after the placeholder. */
function caption(tail: string): string {
  if (tail.startsWith('\r\n')) return tail.slice(2);
  if (tail.startsWith('\n')) return tail.slice(1);
  return tail;
}

function withoutFinalStop(s: string): string {
  return s.endsWith('.') || s.endsWith('。') ? s.slice(0, -1) : s;
}

function containsMark(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) if (isMark(s.charCodeAt(i))) return true;
  return false;
}

/** The edit notice is appended to the last line; it is removed and sets `edited`. */
function withoutEditNotice(
  first: string,
  tail: string,
): { first: string; tail: string; edited: boolean } {
  const last = tail === '' ? first : tail;
  const m = EDIT_NOTICE.exec(last);
  const inner = m?.[1];
  if (m === null || inner === undefined) return { first, tail, edited: false };
  if (!isEditNotice(inner)) return { first, tail, edited: false };
  const cut = last.slice(0, m.index);
  return tail === '' ? { first: cut, tail, edited: true } : { first, tail: cut, edited: true };
}

/** Whether the text between "<" and ">" names an edit (in any case, compared in NFD). */
function isEditNotice(inner: string): boolean {
  // The answer depends on `inner` alone, and the same few notices ("This message was edited",
  // "Media omitted") come again and again.
  const known = EDIT_NOTICES.get(inner);
  if (known !== undefined) return known;
  const lower = markerKey(inner.toLowerCase());
  const edit = EDITED_WORDS.some((w) => lower.includes(w));
  if (EDIT_NOTICES.size < 256) EDIT_NOTICES.set(inner, edit);
  return edit;
}

const EDIT_NOTICES = new Map<string, boolean>();

function isCall(k: string, lead: boolean): boolean {
  for (const c of CALLS) {
    if (k === c && (lead || !GENERIC_CALLS.has(c))) return true;
    if (lead && k.startsWith(`${c}, `)) return true;
  }
  return false;
}

/**
 * "Title • 2 pages ‎document omitted": the title ('' gives null), or undefined when the line is
 * not an omitted document. The marker follows the last mark, or a space in exports stripped of
 * marks. Only the end of the text is normalised for the comparison.
 */
function iosOmittedDocument(s: string): string | null | undefined {
  const end = markerKey(s.slice(-(MAX_DOCUMENT_MARKER + 2)));
  for (const marker of IOS_DOCUMENT_OMITTED) {
    if (!end.endsWith(marker)) continue;
    // Where the marker starts in `s`: after the last mark or space before it.
    let i = s.length - 1;
    const stop = Math.max(0, s.length - MAX_DOCUMENT_MARKER - 2);
    while (i >= stop && !isMark(s.charCodeAt(i))) i -= 1;
    let title: string;
    if (i >= stop) title = s.slice(0, i);
    else {
      const space = s.lastIndexOf(' ', s.length - marker.length);
      if (end === marker || s.length <= marker.length) title = '';
      else if (space === -1) return undefined;
      else title = s.slice(0, space);
    }
    const bullet = title.indexOf(' • ');
    if (bullet !== -1) title = title.slice(0, bullet);
    title = trimMarksAndSpaces(title);
    return title === '' ? null : title;
  }
  return undefined;
}

function isLocation(s: string, tail: string): boolean {
  if (tail === '') {
    // Both single-line shapes end in a link with no white space after its start.
    if (!s.includes('https://') || !lastWordIsLink(s)) return false;
    if (s.includes('https://maps.google.com/')) return MAPS_LINK.test(s);
    return s.includes('https://foursquare.com/') && FOURSQUARE_INLINE.test(s);
  }
  if (!tail.includes('https://foursquare.com/')) return false;
  // Android shares a venue as "Place", "Address", "https://foursquare.com/v/..." on three lines.
  const lines = tail.split(/\r?\n/u);
  const last = lines[lines.length - 1] ?? '';
  return lines.length <= 3 && FOURSQUARE_LINK.test(last);
}

/** Whether the text after the last white space (as `\s` sees it) starts with "https://". */
function lastWordIsLink(s: string): boolean {
  let i = s.length;
  while (i > 0 && !isRegExpSpace(s.charCodeAt(i - 1))) i -= 1;
  return s.startsWith('https://', i);
}

/** The characters `\s` matches in a Unicode regular expression. */
export function isRegExpSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
