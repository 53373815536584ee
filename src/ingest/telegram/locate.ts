import { baseName } from '../json/entries.js';
import type { ExportEntry, ExportSource } from '../types.js';

/**
 * The JSON file of a Telegram Desktop export: the file itself when one was given, else the
 * shallowest `result.json` of the folder or zip (media sit beside it in photos/, files/...).
 */
export function telegramEntry(source: ExportSource): ExportEntry | null {
  if (source.entries.length === 1) return source.entries[0] ?? null;
  let best: ExportEntry | null = null;
  for (const entry of source.entries) {
    if (baseName(entry.path) !== 'result.json') continue;
    if (best === null || entry.path.split('/').length < best.path.split('/').length) best = entry;
  }
  return best;
}
