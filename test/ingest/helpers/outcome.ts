import { ChatscreenError, type ExportRecord, type Message } from '../../../src/domain/index.js';
import { type ReadExportOptions, readExportSource } from '../../../src/ingest/read-export.js';
import type { OpenedSource } from '../../../src/ingest/sources/index.js';

export type Outcome =
  | { ok: true; messages: Message[]; record: ExportRecord }
  | { ok: false; error: ChatscreenError };

/**
 * Reads a source to the end and says how it went. Anything thrown that is not a ChatscreenError,
 * or one with the code `internal` (an importer bug wrapped by the pipeline), is rethrown so that
 * the test fails with it.
 */
export async function outcomeOf(
  source: OpenedSource,
  options: ReadExportOptions = {},
): Promise<Outcome> {
  try {
    const reading = await readExportSource(source, { timezone: 'UTC', ...options });
    const messages: Message[] = [];
    for await (const m of reading.messages) messages.push(m);
    return { ok: true, messages, record: reading.record() };
  } catch (error) {
    if (error instanceof ChatscreenError && error.code !== 'internal') return { ok: false, error };
    // Show the importer's own error, which `internal` keeps as its cause.
    throw error instanceof ChatscreenError && error.cause !== undefined ? error.cause : error;
  }
}
