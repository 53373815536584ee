import { isUtf8 } from 'node:buffer';

/**
 * Facebook's "Download your information" JSON writes UTF-8 bytes as if each were a Latin-1
 * character (`café` arrives as `cafÃ©`). A string is repaired only when it is exactly that:
 * every character is in U+0000–U+00FF, at least one is above U+007F, and the bytes they stand
 * for are valid UTF-8 that decodes to something different. A correctly written `café` (é is
 * U+00E9, a lone byte 0xE9 is not valid UTF-8) and anything with characters above U+00FF stay
 * as they are. Known limit: text someone literally typed as mojibake would be "repaired" too.
 */
export function repairMojibake(text: string): string {
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text;
    if (code > 0x7f) high = true;
  }
  if (!high) return text;
  const bytes = Buffer.from(text, 'latin1');
  if (!isUtf8(bytes)) return text;
  const decoded = bytes.toString('utf8');
  return decoded === text ? text : decoded;
}

/** Repairs strings one by one and counts how many changed, for the report. */
export class MojibakeRepairer {
  repaired = 0;

  text(value: string): string {
    const fixed = repairMojibake(value);
    if (fixed !== value) this.repaired++;
    return fixed;
  }

  optional(value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : this.text(value);
  }
}
