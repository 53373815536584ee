import { ChatscreenError } from '../../domain/index.js';

/** One step into a JSON document: an object key or an array index. */
export type PathSegment = string | number;

/** A parsed path pattern: keys, with `*` matching any index or key. */
export type PathPattern = readonly string[];

const WILDCARD = '*';

/**
 * Parses the small path language the importers use to name arrays and fields:
 * `messages`, `chats.list[*].messages`, `` (the root). `[*]` and `.*` both match any step.
 * Keys containing `.` or `[` cannot be named; no export format here needs them.
 */
export function parsePathPattern(pattern: string): PathPattern {
  if (pattern === '') return [];
  const segments: string[] = [];
  for (const part of pattern.split('.')) {
    const match = /^([^[\]]*)((?:\[\*\])*)$/.exec(part);
    if (match === null) {
      throw new ChatscreenError('invalid_option', 'malformed JSON path pattern');
    }
    const key = match[1] ?? '';
    const wildcards = (match[2] ?? '').length / 3;
    if (key !== '') segments.push(key);
    for (let i = 0; i < wildcards; i++) segments.push(WILDCARD);
  }
  return segments;
}

function segmentMatches(pattern: string, segment: PathSegment): boolean {
  return pattern === WILDCARD || pattern === String(segment);
}

/** True when `path` is exactly what `pattern` names. */
export function matchesPath(pattern: PathPattern, path: readonly PathSegment[]): boolean {
  if (pattern.length !== path.length) return false;
  for (let i = 0; i < path.length; i++) {
    const p = pattern[i];
    const s = path[i];
    if (p === undefined || s === undefined || !segmentMatches(p, s)) return false;
  }
  return true;
}

/** True when `path` lies strictly above something `pattern` names (so the scan must look inside). */
export function isProperPrefix(pattern: PathPattern, path: readonly PathSegment[]): boolean {
  if (path.length >= pattern.length) return false;
  for (let i = 0; i < path.length; i++) {
    const p = pattern[i];
    const s = path[i];
    if (p === undefined || s === undefined || !segmentMatches(p, s)) return false;
  }
  return true;
}

/** `chats.list[3].messages`: a concrete path for reports (keys only, never values). */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}
