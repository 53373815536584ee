/**
 * Character offsets for tokens. transformers.js tokenizers return ids and token strings but no
 * offset mapping, so each token's surface text is found again in the message: both sides are
 * folded (lower case, compatibility decomposition, marks removed) the way tokenizer normalisers
 * fold, and tokens are matched left to right. Tokens with no recoverable surface (the unknown
 * token, a byte-level piece of a split character) take the stretch of text between their aligned
 * neighbours. Offsets are UTF-16 code units into the original text, end exclusive.
 */

export interface TokenRules {
  /** Ids with no text of their own ([CLS], <s>, padding...): they get no offsets. */
  specialIds: ReadonlySet<number>;
  unknownId: number | null;
  /** WordPiece's "##" or similar, stripped from the front of a token. */
  continuingPrefix: string | null;
  /** Some BPE vocabularies' "</w>", stripped from the end. */
  endOfWordSuffix: string | null;
  /** GPT-2 style byte-level tokens ("Ġ" for a space byte). */
  byteLevel: boolean;
  /** SentencePiece's word marker ("▁"), read as a space. */
  metaspace: string | null;
}

export interface TokenRange {
  start: number;
  end: number;
}

const BYTE_DECODER: ReadonlyMap<string, number> = (() => {
  const bytes: number[] = [];
  for (let b = 33; b <= 126; b++) bytes.push(b);
  for (let b = 161; b <= 172; b++) bytes.push(b);
  for (let b = 174; b <= 255; b++) bytes.push(b);
  const chars = [...bytes];
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    if (!bytes.includes(b)) {
      bytes.push(b);
      chars.push(256 + extra);
      extra += 1;
    }
  }
  return new Map(chars.map((c, i) => [String.fromCodePoint(c), bytes[i] ?? 0]));
})();

const utf8 = new TextDecoder('utf-8', { fatal: false });

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function fold(text: string): string {
  // Plain ASCII (most chat text) only needs lower-casing; normalising is the slow part.
  if (isAscii(text)) return text.toLowerCase();
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/** The text a token stands for, or null when it has none that can be found in the message. */
function surface(token: string, rules: TokenRules): string | null {
  let s = token;
  if (
    rules.continuingPrefix &&
    s.startsWith(rules.continuingPrefix) &&
    s !== rules.continuingPrefix
  ) {
    s = s.slice(rules.continuingPrefix.length);
  }
  if (rules.endOfWordSuffix && s.endsWith(rules.endOfWordSuffix)) {
    s = s.slice(0, -rules.endOfWordSuffix.length);
  }
  if (rules.byteLevel) {
    const bytes: number[] = [];
    for (const char of s) {
      const byte = BYTE_DECODER.get(char);
      if (byte === undefined) return null;
      bytes.push(byte);
    }
    s = utf8.decode(new Uint8Array(bytes));
    if (s.includes('\uFFFD')) return null;
  }
  if (rules.metaspace) s = s.split(rules.metaspace).join(' ');
  const folded = fold(s).trim();
  return folded === '' ? null : folded;
}

/** The folded message and, per folded code unit, the original range it came from. */
function foldWithMap(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    const piece =
      code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char) : fold(char);
    for (let k = 0; k < piece.length; k++) {
      starts.push(offset);
      ends.push(offset + char.length);
    }
    folded += piece;
    offset += char.length;
  }
  return { folded, starts, ends };
}

function trimRange(text: string, start: number, end: number): TokenRange | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] ?? '')) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
  return s < e ? { start: s, end: e } : null;
}

/** Shares the text between two aligned tokens among the unaligned tokens that lie there. */
function fillGap(
  text: string,
  gap: TokenRange | null,
  indices: number[],
  out: (TokenRange | null)[],
): void {
  if (gap === null) return;
  const words: TokenRange[] = [];
  for (const match of text.slice(gap.start, gap.end).matchAll(/\S+/gu)) {
    const at = gap.start + (match.index ?? 0);
    words.push({ start: at, end: at + match[0].length });
  }
  indices.forEach((tokenIndex, k) => {
    out[tokenIndex] = words.length === indices.length ? (words[k] ?? gap) : gap;
  });
}

export function alignTokens(
  text: string,
  ids: readonly number[],
  tokens: readonly string[],
  rules: TokenRules,
): (TokenRange | null)[] {
  const { folded, starts, ends } = foldWithMap(text);
  const out: (TokenRange | null)[] = ids.map(() => null);
  let cursor = 0;
  let originalCursor = 0;
  let pending: number[] = [];
  const flush = (until: number): void => {
    if (pending.length > 0) fillGap(text, trimRange(text, originalCursor, until), pending, out);
    pending = [];
  };
  ids.forEach((id, i) => {
    if (rules.specialIds.has(id) && id !== rules.unknownId) return;
    const wanted = id === rules.unknownId ? null : surface(tokens[i] ?? '', rules);
    const at = wanted === null ? -1 : folded.indexOf(wanted, cursor);
    if (wanted === null || at < 0) {
      pending.push(i);
      return;
    }
    const start = starts[at] ?? 0;
    const end = ends[at + wanted.length - 1] ?? start;
    flush(start);
    out[i] = { start, end };
    cursor = at + wanted.length;
    originalCursor = end;
  });
  flush(text.length);
  return out;
}
