import { baseName, dirName, headText } from '../json/entries.js';
import type { ExportEntry, ExportSource } from '../types.js';

export type ThreadSchema = 'classic' | 'e2ee';

export interface ThreadFiles {
  /** Where the thread is: its folder (classic) or its file (E2EE, one file per thread). */
  key: string;
  /** Files in numeric order: message_1, message_2, ..., message_10. */
  files: ExportEntry[];
  /** The export's root (the folder holding `messages/`), for media paths. */
  root: string;
}

const NUMBERED = /^message_(\d+)\.json$/;
const SECTION =
  /(^|\/)messages\/(inbox|archived_threads|filtered_threads|message_requests|e2ee_cutover)\/[^/]+\/message_\d+\.json$/;
const E2EE = /"senderName"\s*:|"threadName"\s*:|"isUnsent"\s*:/;
const CLASSIC = /"sender_name"\s*:/;
const HEAD_BYTES = 8 * 1024;

function numberOf(entry: ExportEntry): number {
  return Number(NUMBERED.exec(baseName(entry.path))?.[1] ?? 0);
}

/** The folder that holds `messages/` (`your_activity_across_facebook`, `your_instagram_activity`...). */
function rootOf(path: string): string {
  const parts = path.split('/');
  const at = parts.lastIndexOf('messages');
  return at <= 0 ? '' : parts.slice(0, at).join('/');
}

export interface MessengerLayout {
  threads: ThreadFiles[];
  /** How sure the layout makes us, for detection. */
  confidence: number;
  variant: string;
}

/**
 * Finds the threads of an export: `message_N.json` files grouped by folder (classic Facebook and
 * Instagram), and JSON files of the E2EE export (each its own thread). A lone file given by
 * itself is one thread. Files are recognised by name and, where names say nothing, by the field
 * names in their first bytes.
 */
export async function messengerLayout(source: ExportSource): Promise<MessengerLayout | null> {
  const byFolder = new Map<string, ExportEntry[]>();
  const e2ee: ExportEntry[] = [];
  let sectioned = false;
  // A lone file says nothing by its path; its name may (Instagram's and Facebook's are alike inside).
  let instagram = /instagram/i.test(source.name);
  let sniffedClassic = false;
  for (const entry of source.entries) {
    const lone = source.entries.length === 1;
    if (!lone && !entry.path.toLowerCase().endsWith('.json')) continue;
    if (NUMBERED.test(baseName(entry.path))) {
      const folder = dirName(entry.path);
      const files = byFolder.get(folder);
      if (files === undefined) byFolder.set(folder, [entry]);
      else files.push(entry);
      if (SECTION.test(entry.path)) sectioned = true;
      if (/instagram/i.test(entry.path)) instagram = true;
      continue;
    }
    if (!lone && !entry.path.split('/').includes('messages')) continue;
    const head = await headText(source, entry, HEAD_BYTES);
    if (!/^\s*\{/.test(head)) continue;
    if (E2EE.test(head)) e2ee.push(entry);
    else if (lone && CLASSIC.test(head) && head.includes('"timestamp_ms"')) {
      byFolder.set('', [entry]);
      sniffedClassic = true;
    }
  }
  const threads: ThreadFiles[] = [
    ...[...byFolder].map(([key, files]) => ({
      key,
      files: files.sort((a, b) => numberOf(a) - numberOf(b)),
      root: rootOf(files[0]?.path ?? ''),
    })),
    ...e2ee.map((entry) => ({ key: entry.path, files: [entry], root: rootOf(entry.path) })),
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (threads.length === 0) return null;
  if (!sectioned && !sniffedClassic && e2ee.length === 0 && !(await anyClassic(source, byFolder)))
    return null;
  const variants = [
    byFolder.size > 0 ? (instagram ? 'instagram' : 'facebook') : null,
    e2ee.length > 0 ? 'e2ee' : null,
  ];
  return {
    threads,
    confidence: sectioned ? 0.95 : sniffedClassic ? 0.85 : 0.9,
    variant: variants.filter((v) => v !== null).join('+'),
  };
}

/** `message_N.json` files outside the usual sections: one must look like Messenger inside. */
async function anyClassic(
  source: ExportSource,
  byFolder: Map<string, ExportEntry[]>,
): Promise<boolean> {
  for (const files of byFolder.values()) {
    for (const entry of files) {
      const head = await headText(source, entry, HEAD_BYTES);
      if (CLASSIC.test(head) || E2EE.test(head)) return true;
    }
  }
  return false;
}
