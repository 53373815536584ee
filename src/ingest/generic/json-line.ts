export type ParsedLine =
  | { ok: true; value: unknown; repairedControlCharacters: boolean }
  | { ok: false };

/**
 * Parses one JSON line. Some tools write raw control characters (U+0000-U+001F) inside strings,
 * which JSON forbids; they are what the message held, so they are escaped and the line parsed
 * again, and the caller records that it happened. Anything else that is not JSON stays unread.
 */
export function parseJsonLine(text: string): ParsedLine {
  try {
    return { ok: true, value: JSON.parse(text), repairedControlCharacters: false };
  } catch {
    const repaired = escapeControlCharactersInStrings(text);
    if (repaired === text) return { ok: false };
    try {
      return { ok: true, value: JSON.parse(repaired), repairedControlCharacters: true };
    } catch {
      return { ok: false };
    }
  }
}

/** Escapes raw control characters that sit inside JSON strings; white space between tokens stays. */
export function escapeControlCharactersInStrings(text: string): string {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) {
        i += 1; // skip the escaped character, whatever it is
      } else if (code === 0x22) {
        inString = false;
      } else if (code < 0x20) {
        out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
        from = i + 1;
      }
    } else if (code === 0x22) {
      inString = true;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
