import type { Attachment, AttachmentType } from '../../domain/index.js';
import type { ExportEntry, ExportSource } from '../types.js';

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** First bytes of an entry as text, without a UTF-8 byte-order mark: for cheap detection. */
export async function headText(
  source: ExportSource,
  entry: ExportEntry,
  maxBytes: number,
): Promise<string> {
  const head = await source.head(entry, maxBytes);
  const text = head.toString('utf8');
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/**
 * Resolves a media reference written in an export (relative to `baseDir`, the folder that holds
 * the export's main file) against the entries actually present.
 */
export class EntryPaths {
  private readonly paths: Set<string>;

  constructor(source: ExportSource) {
    this.paths = new Set(source.entries.map((e) => e.path));
  }

  resolve(baseDir: string, reference: string): string | null {
    const clean = reference.replace(/^\.\//, '').replace(/\\/g, '/');
    if (clean === '' || clean.startsWith('/') || clean.split('/').includes('..')) return null;
    const path = joinPath(baseDir, clean);
    return this.paths.has(path) ? path : null;
  }

  attachment(type: AttachmentType, baseDir: string, reference: string | null): Attachment {
    if (reference === null || reference === '') return { type, fileName: null, pathInExport: null };
    return { type, fileName: baseName(reference), pathInExport: this.resolve(baseDir, reference) };
  }
}
