import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChatscreenError } from '../../src/domain/index.js';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { corpusAvailable, corpusPath } from './shared-exports.js';
import { CHECKED } from './signal.files.js';

/**
 * Signal has no export of its own; this file is chat-miner's fixture of a third-party exporter,
 * `[YYYY-MM-DD, HH:MM] Name: text`, byte for byte a line layout WhatsApp also writes. chatscreen
 * has no Signal importer (README, "Supported export formats"): such a file is either read by the
 * WhatsApp importer, and must then come out exactly, or refused as unrecognised. Never misparsed.
 */
const TARGET = 'signal/chatminer__target.json';
const EXPORT = 'signal/chatminer__test_export.txt';

interface TargetRow {
  timestamp: string;
  author: string;
  message: string;
}

describe.skipIf(!corpusAvailable)('conformance: Signal (third-party text export)', () => {
  it('PROVENANCE.md states the counts checked here', () => {
    const provenance = readFileSync(corpusPath('signal/PROVENANCE.md'), 'utf8');
    expect(provenance).toMatch(/2 messages, 2 authors \(one multi-line\)/);
    expect(CHECKED.map((f) => f.path)).toEqual(expect.arrayContaining([TARGET, EXPORT]));
  });

  it(`${EXPORT}: read exactly as chat-miner's target says, or refused`, async () => {
    const target = JSON.parse(readFileSync(corpusPath(TARGET), 'utf8')) as TargetRow[];
    let result: Awaited<ReturnType<typeof parseExportToArray>>;
    try {
      result = await parseExportToArray(corpusPath(EXPORT), { timezone: 'UTC' });
    } catch (error) {
      expect(error).toBeInstanceOf(ChatscreenError);
      expect((error as ChatscreenError).code).toBe('unrecognised_format');
      return;
    }
    const { messages, record } = result;
    expect(record.format).toBe('whatsapp');
    expect(record.report.messageCount).toBe(2);
    expect(record.report.participantCount).toBe(2);
    // chat-miner lists newest first and joins continuation lines with a space; the text here is
    // kept exactly, so the comparison undoes only the join.
    const expected = [...target].reverse();
    expect(messages.map((m) => m.sender?.name)).toEqual(expected.map((t) => t.author));
    expect(messages.map((m) => m.sentAtLocal)).toEqual(expected.map((t) => t.timestamp));
    expect(messages.map((m) => m.text.replace(/\r?\n/g, ' '))).toEqual(
      expected.map((t) => t.message),
    );
    expect(messages[1]?.text).toBe('Hello\nJane!');
  });

  it(`${TARGET} (another tool's expected output) is not taken for an export`, async () => {
    const error = await parseExportToArray(corpusPath(TARGET)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatscreenError);
    expect((error as ChatscreenError).code).toBe('unrecognised_format');
  });
});
