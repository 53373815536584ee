import type { SourceLocation } from '../../domain/index.js';
import type { PathSegment } from './path.js';

/** A target array was entered; `path` is its concrete path (e.g. `['chats','list',3,'messages']`). */
export interface ArrayStartEvent {
  kind: 'arrayStart';
  /** Index into `ScanOptions.arrays`. */
  target: number;
  path: readonly PathSegment[];
}

/** One element of a target array, parsed, with the exact byte range of its JSON text. */
export interface ElementEvent {
  kind: 'element';
  target: number;
  /** Concrete path of the array (shared between the events of one array; do not mutate). */
  path: readonly PathSegment[];
  /** Index of the element within its array. */
  index: number;
  /** Index among all target-array elements of the file, in file order (valid or not). */
  ordinal: number;
  value: unknown;
  location: SourceLocation;
}

/**
 * An element whose bytes were delimited but are not valid JSON on their own. The scan goes on:
 * the importer decides whether to skip it (with a report entry) or fail.
 */
export interface InvalidElementEvent {
  kind: 'invalidElement';
  target: number;
  path: readonly PathSegment[];
  index: number;
  ordinal: number;
  /** The whole element's bytes. */
  location: SourceLocation;
  /** Byte offset in the file where the JSON stops making sense. */
  errorAt: number;
}

/** A value at a path named in `ScanOptions.fields` (chat names, thread titles...). */
export interface FieldEvent {
  kind: 'field';
  /** Index into `ScanOptions.fields`. */
  field: number;
  path: readonly PathSegment[];
  /** `undefined` when the value's bytes are not valid JSON (the scan goes on). */
  value: unknown;
  location: SourceLocation;
}

export interface ArrayEndEvent {
  kind: 'arrayEnd';
  target: number;
  path: readonly PathSegment[];
  /** Number of elements the array held. */
  count: number;
}

/** Always the last event of a successful scan. */
export interface EndEvent {
  kind: 'end';
  rootType: 'object' | 'array' | 'scalar';
  /** Total bytes read. */
  bytes: number;
  /** Target arrays found. */
  arrays: number;
}

export type JsonEvent =
  | ArrayStartEvent
  | ElementEvent
  | InvalidElementEvent
  | FieldEvent
  | ArrayEndEvent
  | EndEvent;
