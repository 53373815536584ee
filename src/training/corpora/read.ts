import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { hashString } from '../../screening/span-ngram/hash.js';
import type { Split } from './types.js';

export function readCsv(datasets: string, path: string): Record<string, string>[] {
  const text = readFileSync(join(datasets, path), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<
    string,
    string
  >[];
}

export function readJsonl(datasets: string, path: string): unknown[] {
  return readFileSync(join(datasets, path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/**
 * A split decided by the text itself, so that duplicates of a text (corpora repeat tweets) never
 * land on both sides of a train/held-apart boundary. `bounds` are per-mille cut points.
 */
export function splitByText(text: string, bounds: { train: number; calib: number }): Split {
  const bucket = hashString(`split:${text.trim().toLowerCase()}`) % 1000;
  if (bucket < bounds.train) return 'train';
  if (bucket < bounds.calib) return 'calib';
  return 'eval';
}

/** Python counts code points, JavaScript UTF-16 units: converts code-point offsets. */
export function codePointToUtf16(text: string): (offset: number) => number {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      astral = true;
      break;
    }
  }
  if (!astral) return (offset) => offset;
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return (offset) => map[offset] ?? text.length;
}
