import type { ExportEntry, ExportSource } from '../types.js';

const HEAD_BYTES = 4096;

/**
 * True when the head of a file is an XML document whose root is `<smses>`, the root SMS Backup &
 * Restore writes. Skips a BOM, white space, the XML declaration, stylesheet instructions,
 * comments and a DOCTYPE. Read as latin-1: only the ASCII markup matters here.
 */
export function looksLikeSmsBackup(head: Buffer): boolean {
  let text = head.toString('latin1');
  if (text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3);
  for (;;) {
    text = text.trimStart();
    if (text.startsWith('<?')) {
      const end = text.indexOf('?>');
      if (end < 0) return false;
      text = text.slice(end + 2);
    } else if (text.startsWith('<!--')) {
      const end = text.indexOf('-->');
      if (end < 0) return false;
      text = text.slice(end + 3);
    } else if (text.startsWith('<!DOCTYPE')) {
      const end = text.indexOf('>');
      if (end < 0) return false;
      text = text.slice(end + 1);
    } else {
      return /^<smses[\s/>]/.test(text);
    }
  }
}

/** The entries of a source that are SMS backups: the file itself, or the `.xml` files inside. */
export async function smsEntries(source: ExportSource): Promise<ExportEntry[]> {
  const candidates =
    source.kind === 'file'
      ? source.entries
      : source.entries.filter((e) => e.path.toLowerCase().endsWith('.xml'));
  const found: ExportEntry[] = [];
  for (const entry of candidates) {
    if (looksLikeSmsBackup(await source.head(entry, HEAD_BYTES))) found.push(entry);
  }
  return found;
}
