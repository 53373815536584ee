import { baseName, dirName } from '../json/entries.js';
import type { ExportEntry, ExportSource } from '../types.js';

export const METADATA_FILES = [
  'users.json',
  'channels.json',
  'groups.json',
  'mpims.json',
  'dms.json',
] as const;
export type MetadataFile = (typeof METADATA_FILES)[number];

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

export interface SlackLayout {
  /** Folder holding users.json/channels.json ('' at the top). */
  root: string;
  metadata: Partial<Record<MetadataFile, ExportEntry>>;
  /** Conversation folder name → its day files, sorted by date. */
  folders: Map<string, ExportEntry[]>;
}

/**
 * A workspace export, as a folder or a zip: `channels.json` and friends at the root (the zip may
 * wrap them in one folder) and `<channel>/<YYYY-MM-DD>.json` day files beside them. Null when
 * there is no such root.
 */
export function slackLayout(source: ExportSource): SlackLayout | null {
  let root: string | null = null;
  for (const entry of source.entries) {
    const name = baseName(entry.path);
    if (name !== 'channels.json' && name !== 'users.json') continue;
    const dir = dirName(entry.path);
    if (root === null || dir.split('/').length < root.split('/').length) root = dir;
  }
  if (root === null) return null;
  const prefix = root === '' ? '' : `${root}/`;
  const metadata: SlackLayout['metadata'] = {};
  const folders = new Map<string, ExportEntry[]>();
  for (const entry of source.entries) {
    if (!entry.path.startsWith(prefix)) continue;
    const rest = entry.path.slice(prefix.length).split('/');
    if (rest.length === 1) {
      const name = rest[0] as MetadataFile;
      if ((METADATA_FILES as readonly string[]).includes(name)) metadata[name] = entry;
    } else if (rest.length === 2 && DAY_FILE.test(rest[1] ?? '')) {
      const folder = rest[0] ?? '';
      const days = folders.get(folder);
      if (days === undefined) folders.set(folder, [entry]);
      else days.push(entry);
    }
  }
  for (const days of folders.values())
    days.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, metadata, folders };
}
