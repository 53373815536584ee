import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChatscreenError, participantIdFromName } from '../../src/domain/index.js';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { useScratchDir, writeScratch } from './helpers/tmp.js';

const fixture = join(import.meta.dirname, '../../fixtures/generic/messages.csv');
const bytes = readFileSync(fixture);

const scratch = useScratchDir();

describe('generic CSV', () => {
  it('reads records with exact text, senders, times and conversations', async () => {
    const { messages, record } = await parseExportToArray(fixture, { timezone: 'Europe/London' });
    expect(record.format).toBe('csv');
    expect(messages.map((m) => m.text)).toEqual([
      'Morning all 👋',
      'He said "no way", then left',
      'line one\r\nline two — שלום עולם, e\u0301',
      '👩‍💻 pushed the fix',
      'same id again',
      '',
    ]);
    expect(messages[0]?.sender).toEqual({
      id: participantIdFromName('Ana Silva'),
      name: 'Ana Silva',
    });
    expect(messages[3]?.sender).toBeNull();
    expect(messages[0]?.conversation).toEqual({ id: 'c:ops', title: 'ops' });
    expect(messages[3]?.conversation).toEqual({ id: 'default', title: null });
    expect(messages.map((m) => m.sentAt)).toEqual([
      '2024-03-31T00:30:00.000Z',
      '2024-03-31T01:30:00.000Z', // 01:30 never happened in London: read with the offset before
      '2024-03-31T07:00:00.000Z',
      '2024-03-31T10:15:30.250Z',
      null,
      '2024-10-27T00:30:00.000Z', // 01:30 happened twice: the earlier is taken
    ]);
    expect(messages[2]?.sentAtLocal).toBe('2024-03-31T09:00:00');
    expect(record.report.skipped.map((s) => [s.code, s.location?.line])).toEqual([
      ['wrong_field_count', 7],
      ['missing_id', 8],
    ]);
    expect(record.report.warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['columns_not_read', 1],
      ['time_gap', 3],
      ['duplicate_id', 9],
      ['unreadable_time', 9],
      ['time_ambiguous', 10],
    ]);
  });

  it('records the exact bytes and first line of each record', async () => {
    const { messages } = await parseExportToArray(fixture);
    const raw = messages.map((m) =>
      bytes
        .subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength)
        .toString('utf8'),
    );
    expect(raw[0]).toBe('1,"Morning all 👋",Ana Silva,2024-03-31T00:30:00,ops,email');
    expect(raw[2]).toMatch(/^3,"line one\r\nline two .*,email$/);
    expect(messages.map((m) => m.source.line)).toEqual([2, 3, 4, 6, 9, 10]);
  });

  it('handles a BOM, LF endings, semicolons and a last line without a terminator', async () => {
    const text = '\ufeffID;Text;Sender\n1;hello;A\n2;"semi;colon";B';
    const path = await writeScratch(scratch.dir, 'semi.csv', text);
    const { messages } = await parseExportToArray(path);
    expect(messages.map((m) => m.text)).toEqual(['hello', 'semi;colon']);
    const data = Buffer.from(text);
    expect(
      messages.map((m) =>
        data.subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength).toString(),
      ),
    ).toEqual(['1;hello;A', '2;"semi;colon";B']);
  });

  it('keeps what precedes an unclosed quote at the end and reports the truncation', async () => {
    const path = await writeScratch(scratch.dir, 'cut.csv', 'id,text\n1,fine\n2,"cut in the mid');
    const { messages, record } = await parseExportToArray(path);
    expect(messages.map((m) => m.text)).toEqual(['fine']);
    expect(record.report.skipped[0]).toMatchObject({
      code: 'truncated_record',
      location: { byteOffset: 15, line: 3 },
    });
  });

  it('refuses broken quoting in the middle with its location', async () => {
    const path = await writeScratch(
      scratch.dir,
      'bad.csv',
      'id,text\n1,fine\n2,"bad"quote\n3,after\n',
    );
    const error = await parseExportToArray(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatscreenError);
    expect((error as ChatscreenError).code).toBe('malformed_input');
    expect((error as ChatscreenError).location?.line).toBe(3);
  });

  it('leaves CSVs without id and text columns to other importers', async () => {
    const path = await writeScratch(
      scratch.dir,
      'discord.csv',
      '"AuthorID","Author","Date","Content"\n"1","a","2020","hi"\n',
    );
    const error = await parseExportToArray(path).catch((e: unknown) => e);
    expect((error as ChatscreenError).code).toBe('unrecognised_format');
    const forced = await parseExportToArray(path, { format: 'csv' }).catch((e: unknown) => e);
    expect((forced as ChatscreenError).code).toBe('wrong_format');
  });
});
