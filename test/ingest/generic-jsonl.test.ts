import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControlCharactersInStrings } from '../../src/ingest/generic/json-line.js';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { useScratchDir, writeScratch } from './helpers/tmp.js';

const fixture = join(import.meta.dirname, '../../fixtures/generic/messages.jsonl');
const bytes = readFileSync(fixture);

const scratch = useScratchDir();

describe('generic JSONL', () => {
  it('reads objects line by line, skipping what cannot be a message with its line', async () => {
    const { messages, record } = await parseExportToArray(fixture, { timezone: 'Europe/London' });
    expect(record.format).toBe('jsonl');
    expect(messages.map((m) => m.text)).toEqual([
      'Morning all 👋',
      'He said "no way",\nthen left',
      'שלום \u200f(RTL) e\u0301 😀 \u0007bell',
      'duplicate id',
      'with offset',
    ]);
    expect(messages.map((m) => m.sentAt)).toEqual([
      '2024-03-31T00:30:00.000Z',
      '2024-03-31T01:30:00.000Z',
      null,
      null,
      '2024-03-31T14:00:00.000Z',
    ]);
    expect(messages[4]?.sentAtLocal).toBe('2024-03-31T09:00:00');
    expect(messages[2]?.sender).toBeNull();
    expect(messages[2]?.conversation).toEqual({ id: 'default', title: null });
    expect(record.report.skipped.map((s) => [s.code, s.location?.line])).toEqual([
      ['invalid_json', 5],
      ['not_an_object', 6],
      ['missing_text', 7],
    ]);
    expect(record.report.warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['time_gap', 2],
      ['duplicate_id', 8],
      ['unreadable_time', 8],
      ['fields_not_read', 9],
    ]);
  });

  it('points each message at its exact line of bytes', async () => {
    const { messages } = await parseExportToArray(fixture);
    const lines = bytes.toString('utf8').split('\n');
    for (const m of messages) {
      const raw = bytes
        .subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength)
        .toString('utf8');
      expect(raw).toBe(lines[(m.source.line ?? 0) - 1]);
      expect((JSON.parse(raw) as { text: string }).text).toBe(m.text);
    }
  });

  it('reads raw control characters inside strings, and says so', async () => {
    const path = await writeScratch(
      scratch.dir,
      'ctl.jsonl',
      '{"id":"1","text":"tab\there\u0001"}\r\n{"id":"2",\t"text":"ok"}\r\n',
    );
    const { messages, record } = await parseExportToArray(path, { timezone: 'UTC' });
    expect(messages.map((m) => m.text)).toEqual(['tab\there\u0001', 'ok']);
    expect(record.report.warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['control_character', 1],
    ]);
  });

  it('reports a truncated last line', async () => {
    const path = await writeScratch(
      scratch.dir,
      'cut.jsonl',
      '{"id":"1","text":"one"}\n{"id":"2","text":"tw',
    );
    const { messages, record } = await parseExportToArray(path);
    expect(messages).toHaveLength(1);
    expect(record.report.skipped[0]).toMatchObject({
      code: 'truncated_record',
      location: { line: 2, byteOffset: 24 },
    });
  });

  it('reports bytes that are not UTF-8 with their line', async () => {
    const path = await writeScratch(
      scratch.dir,
      'latin1.jsonl',
      Buffer.concat([
        Buffer.from('{"id":"1","text":"caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}\n'),
      ]),
    );
    const { messages, record } = await parseExportToArray(path, {
      format: 'jsonl',
      timezone: 'UTC',
    });
    expect(messages[0]?.text).toBe('caf\ufffd');
    expect(record.report.warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['invalid_utf8', 1],
    ]);
  });

  it('escapes control characters only inside strings', () => {
    expect(escapeControlCharactersInStrings('{"a":\t"x\ty\\"\n"}')).toBe(
      '{"a":\t"x\\u0009y\\"\\u000a"}',
    );
  });
});
