import { ChatscreenError, isChatscreenError } from '../../domain/index.js';
import type { ExportEntry } from '../types.js';
import type { ElementEvent, InvalidElementEvent } from './events.js';
import { scanJsonEntry } from './scan-entry.js';
import type { ScanWarn } from './scanner.js';

export interface ArrayFile {
  elements: ElementEvent[];
  invalid: InvalidElementEvent[];
}

/**
 * Reads every element of one array in a small file (a Slack day file, users.json) into memory.
 * Returns the error instead of throwing it, so that multi-file exports can skip one bad file,
 * report it and go on with its siblings.
 */
export async function readArrayFile(
  entry: ExportEntry,
  array: string,
  warn: ScanWarn,
): Promise<ArrayFile | ChatscreenError> {
  const found: ArrayFile = { elements: [], invalid: [] };
  try {
    for await (const event of scanJsonEntry(entry, { arrays: [array], warn })) {
      if (event.kind === 'element') found.elements.push(event);
      else if (event.kind === 'invalidElement') found.invalid.push(event);
      else if (event.kind === 'end' && event.arrays === 0) {
        return new ChatscreenError(
          'malformed_input',
          `the file holds no array at "${array || '(root)'}"`,
          {
            location: { file: entry.path, byteOffset: 0, byteLength: event.bytes, line: 1 },
          },
        );
      }
    }
  } catch (error) {
    if (isChatscreenError(error)) return error;
    throw error;
  }
  return found;
}
