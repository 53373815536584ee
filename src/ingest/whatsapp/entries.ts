import type { ExportEntry, ExportSource } from '../types.js';
import { parseHeader } from './header.js';

/**
 * Which files of an export are WhatsApp chats, and what the chat is called. An iOS zip holds
 * `_chat.txt`; an Android one `WhatsApp Chat with NAME.txt` (localised); a single file may be
 * called anything. Media files beside them are never read as chats, even `.txt` documents.
 */

const TITLE_PATTERNS: readonly RegExp[] = [
  /^WhatsApp Chat (?:with|-) (.+)$/u, // en
  /^WhatsApp-Chat mit (.+)$/u, // de
  /^Chat de WhatsApp con (.+)$/u, // es
  /^Conversa do WhatsApp com (.+)$/u, // pt
  /^Discussion WhatsApp avec (.+)$/u, // fr
  /^Chat WhatsApp con (.+)$/u, // it
  /^WhatsApp-chat met (.+)$/u, // nl
  /^Chat WhatsApp s uživatelem (.+)$/u, // cs
  /^Чат WhatsApp с контактом (.+)$/u, // ru
  /^Чат WhatsApp с (.+)$/u, // ru (groups)
  /^WhatsApp Sohbeti: (.+)$/u, // tr
];

const HEAD_BYTES = 16 * 1024;
const HEAD_LINES = 10;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function withoutExtension(name: string): string {
  return name.replace(/\.(?:txt|zip)$/iu, '');
}

/** The chat's name from a file name like "WhatsApp Chat with Alice.txt", or null. */
export function titleFromFileName(name: string): string | null {
  const stem = withoutExtension(baseName(name));
  // Names from macOS archives may be decomposed; the title is then given in composed form.
  for (const candidate of [stem, stem.normalize('NFC')]) {
    for (const pattern of TITLE_PATTERNS) {
      const m = pattern.exec(candidate);
      if (m?.[1] !== undefined) return m[1].trim() || null;
    }
  }
  return null;
}

/** The conversation's title: from the chat file's own name, else from the export's name. */
export function conversationTitle(entry: ExportEntry, source: ExportSource): string | null {
  return (
    (entry.path === '' ? null : titleFromFileName(entry.path)) ?? titleFromFileName(source.name)
  );
}

/** The entries that are chats (possibly none). */
export async function findChatEntries(source: ExportSource): Promise<ExportEntry[]> {
  const entries = source.entries;
  const ios = entries.filter((e) => baseName(e.path) === '_chat.txt');
  if (ios.length > 0) return ios;
  const named = entries.filter(
    (e) => /\.txt$/iu.test(e.path) && titleFromFileName(e.path) !== null,
  );
  if (named.length > 0) return named;
  if (entries.length === 1) return [...entries];
  const found: ExportEntry[] = [];
  for (const e of entries) {
    if (/\.txt$/iu.test(e.path) && (await startsWithHeader(source, e))) found.push(e);
  }
  return found;
}

/** Whether one of the first non-empty lines of the entry is a message header. */
export async function startsWithHeader(source: ExportSource, entry: ExportEntry): Promise<boolean> {
  const head = await source.head(entry, HEAD_BYTES);
  return headerLinesIn(head).headers > 0;
}

/** Counts headers among the first non-empty lines of a head (a partial last line is ignored). */
export function headerLinesIn(head: Buffer): {
  headers: number;
  lines: number;
  firstIsHeader: boolean;
  bracket: number;
} {
  const text = new TextDecoder('utf-8').decode(head);
  const all = text.split('\n');
  if (head.length >= HEAD_BYTES) all.pop();
  let headers = 0;
  let lines = 0;
  let bracket = 0;
  let firstIsHeader = false;
  for (const raw of all) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0) continue;
    const h = parseHeader(line);
    if (lines === 0) firstIsHeader = h !== null;
    lines += 1;
    if (h !== null) {
      headers += 1;
      if (h.style === 'bracket') bracket += 1;
    }
    if (lines >= HEAD_LINES) break;
  }
  return { headers, lines, firstIsHeader, bracket };
}
