import type { ExportEntry, ExportSource } from '../types.js';

export const HEAD_BYTES = 64 * 1024;

/**
 * The entries a generic importer reads: the file itself, or inside a zip or folder the files with
 * one of `extensions` whose head `accepts`.
 */
export async function genericEntries(
  source: ExportSource,
  extensions: readonly string[],
  accepts: (head: Buffer) => boolean,
): Promise<ExportEntry[]> {
  const candidates =
    source.kind === 'file'
      ? source.entries
      : source.entries.filter((e) => extensions.some((ext) => e.path.toLowerCase().endsWith(ext)));
  const found: ExportEntry[] = [];
  for (const entry of candidates) {
    if (accepts(await source.head(entry, HEAD_BYTES))) found.push(entry);
  }
  return found;
}
