import type { Attachment } from '../../domain/index.js';
import { baseName, type EntryPaths } from '../json/entries.js';
import { attachmentTypeOf } from '../json/media-type.js';

/** A URL's last path step without query: `https://cdn/x/unknown.png?ex=1` → `unknown.png`. */
export function urlFileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  return baseName(path);
}

/**
 * An attachment as DCE writes it: a CDN URL, or with `--media` a path relative to the export file
 * (then linked to the entry when it is present).
 */
export function discordAttachment(
  url: string | null | undefined,
  fileName: string | null | undefined,
  paths: EntryPaths,
  baseDir: string,
): Attachment {
  const name = fileName ?? (url ? urlFileName(url) : null);
  const local =
    url && !/^[a-z][a-z0-9+.-]*:/i.test(url) ? paths.resolve(baseDir, decodeLocal(url)) : null;
  return {
    type: name === null ? 'other' : attachmentTypeOf(name),
    fileName: name,
    pathInExport: local,
  };
}

function decodeLocal(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
