import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatscreenError, messageIdFor } from '../../domain/index.js';
import { collectImport } from '../json/testing/collect.js';
import { chatscreenErrorOf } from '../json/testing/errors.js';
import { fileSource, folderSource } from '../json/testing/fixture-source.js';
import { memorySource } from '../json/testing/memory-source.js';
import { ParseReportBuilder } from '../report.js';
import { classifyCsvDate, orderEvidence } from './csv/dates.js';
import { csvConversation } from './csv/read-csv.js';
import { discordImporter } from './index.js';

const fixtures = resolve(import.meta.dirname, '../../../fixtures/discord');
const jsonName = 'Falcon - Ops - incidents [1122334455].json';
const csvName = 'Falcon - Ops - incidents [1122334455].csv';

describe('DiscordChatExporter JSON (fixtures/discord/json)', async () => {
  const bytes = readFileSync(resolve(fixtures, 'json', jsonName));
  const { messages, report, variant } = await collectImport(
    discordImporter,
    folderSource(resolve(fixtures, 'json')),
  );

  it('reads one conversation per channel file, titled guild / category / channel', () => {
    expect(variant).toBe('json');
    expect(messages).toHaveLength(7);
    expect(messages[0]?.conversation).toEqual({
      id: '1122334455',
      title: 'Falcon / Ops / incidents',
    });
  });

  const table = [
    { i: 0, kind: 'system', sender: null, text: 'Joined the server.' },
    {
      i: 1,
      kind: 'message',
      sender: { id: '700000000000000001', name: 'Dana (on call)' },
      text: 'Database is down again 👩🏽‍💻 — see https://status.example.org',
    },
    {
      i: 2,
      kind: 'media',
      sender: { id: '700000000000000003', name: 'Omar' },
      text: 'On it. "quotes" and \\backslashes\\ — مرحبا\u200f and cafe\u0301',
    },
    { i: 3, kind: 'media', sender: { id: '700000000000000001', name: 'dana.k' }, text: '' },
    {
      i: 4,
      kind: 'call',
      sender: { id: '700000000000000003', name: 'Omar' },
      text: 'Started a call that lasted 15 minutes.',
    },
    {
      i: 5,
      kind: 'message',
      sender: { id: '700000000000000099', name: 'IncidentBot' },
      text: 'Incident #42 opened by Dana',
    },
    { i: 6, kind: 'system', sender: null, text: 'Pinned a message.' },
  ] as const;
  for (const row of table) {
    it(`message ${row.i}: ${row.kind}`, () => {
      const m = messages[row.i];
      expect(m?.kind).toBe(row.kind);
      expect(m?.sender).toEqual(row.sender);
      expect(m?.text).toBe(row.text);
      const raw = bytes.subarray(
        m?.source.byteOffset ?? 0,
        (m?.source.byteOffset ?? 0) + (m?.source.byteLength ?? 0),
      );
      expect((JSON.parse(raw.toString('utf8')) as { content: string }).content).toBe(row.text);
    });
  }

  it('takes the instant from the offset and keeps the wall clock as written (7 fraction digits)', () => {
    expect(messages[0]?.sentAt).toBe('2024-05-01T06:59:58.123Z');
    expect(messages[0]?.sentAtLocal).toBe('2024-05-01T08:59:58');
  });

  it('marks edits and links replies to our ids; a missing target is reported', () => {
    expect(messages.map((m) => m.edited)).toEqual([false, true, false, false, false, false, false]);
    expect(messages[2]?.replyTo).toBe(messageIdFor('x_test', jsonName, 1));
    expect(messages[5]?.replyTo).toBeNull();
    expect(report.warnings.map((w) => w.code)).toContain('reply_target_missing');
  });

  it('lists attachments and stickers, linking downloaded media that is in the export', () => {
    expect(messages[2]?.attachments).toEqual([
      {
        type: 'image',
        fileName: 'diagram.png',
        pathInExport: `${jsonName}_Files/diagram-5A1B2.png`,
      },
      { type: 'document', fileName: 'logs.txt', pathInExport: null },
    ]);
    expect(messages[3]?.attachments).toEqual([
      { type: 'sticker', fileName: '816087792291282944.png', pathInExport: null },
    ]);
  });

  it('gives the same result whatever the chunk size', async () => {
    for (const chunkSize of [1, 13, 512]) {
      const again = await collectImport(
        discordImporter,
        folderSource(resolve(fixtures, 'json'), chunkSize),
      );
      expect(again.messages).toEqual(messages);
    }
  });
});

describe('DiscordChatExporter CSV', () => {
  it('reads records with their byte ranges and lines (quoted commas, quotes, newlines, BOM)', async () => {
    const path = resolve(fixtures, 'csv', csvName);
    const bytes = readFileSync(path);
    const { messages, report, variant } = await collectImport(discordImporter, fileSource(path), {
      timezone: 'Europe/Berlin',
    });
    expect(variant).toBe('csv');
    expect(messages.map((m) => [m.sender?.name, m.text, m.kind])).toEqual([
      ['dana.k', 'Database is down again 👩🏽‍💻', 'message'],
      ['omar.h', 'On it. "quoted" text,\nand a second line — مرحبا\u200f', 'media'],
      ['dana.k', 'cafe\u0301 and café', 'message'],
      ['omar.h', 'still kept', 'message'],
    ]);
    expect(messages.map((m) => m.source.line)).toEqual([2, 3, 5, 6]);
    for (const m of messages) {
      const raw = bytes
        .subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength)
        .toString('utf8');
      expect(raw.startsWith('"700000000000000')).toBe(true);
      expect(raw.endsWith('\r\n')).toBe(true);
    }
    expect(messages[1]?.attachments.map((a) => [a.type, a.fileName])).toEqual([
      ['image', 'diagram.png'],
      ['document', 'logs.txt'],
    ]);
    expect(messages[0]?.sentAt).toBe('2024-05-01T07:00:00.000Z');
    expect(messages[0]?.conversation).toEqual({
      id: '1122334455',
      title: 'Falcon - Ops - incidents',
    });
    expect(messages[3]?.sentAt).toBeNull();
    expect(report.warnings.map((w) => w.code)).toContain('unreadable_time');
  });

  it('decides the day/month order from the file itself', async () => {
    const dir = resolve(fixtures, 'csv-locale');
    const { messages, dateOrder } = await collectImport(discordImporter, folderSource(dir), {
      timezone: 'Europe/Berlin',
    });
    expect(messages.map((m) => m.sentAtLocal)).toEqual([
      '2024-05-03T21:15:00',
      '2024-05-13T08:05:00',
    ]);
    expect(messages[0]?.sentAt).toBe('2024-05-03T19:15:00.000Z');
    expect(messages[0]?.conversation).toEqual({ id: '998877', title: 'Direct Messages - lena.b' });
    expect(dateOrder).toBe('dmy');
  });

  it('refuses to guess the day/month order, naming --date-order; reads it when given', async () => {
    const source = folderSource(resolve(fixtures, 'csv-ambiguous'));
    const error = await chatscreenErrorOf(() => collectImport(discordImporter, source));
    expect(error.code).toBe('ambiguous_date_order');
    expect(error.option).toBe('--date-order');
    const report = new ParseReportBuilder();
    const seen: (string | null)[] = [];
    const context = { exportId: 'x', timezone: 'UTC', dateOrder: 'mdy' as const, report };
    for await (const m of discordImporter.read(source, context)) seen.push(m.sentAtLocal);
    expect(seen).toEqual(['2024-05-03T21:15:00', '2024-05-04T08:05:00']);
  });

  const dates: [string, string | null, string | null][] = [
    ['2024-05-01T09:00:00.0000000+02:00', 'instant', null],
    ['05-Oct-22 05:24 PM', 'wall', null],
    ['2022-10-05 17:24', 'wall', null],
    ['2022/10/05 17:24', 'wall', null],
    ['13/10/2022 17:24', 'numeric', 'dmy'],
    ['10/13/2022 5:24 pm', 'numeric', 'mdy'],
    ['10.05.2022 17:24', 'numeric', null],
    ['31-Feb-22 05:24 PM', null, null],
    ['Yesterday at 5:03 AM', null, null],
  ];
  for (const [text, type, evidence] of dates) {
    it(`date ${JSON.stringify(text)} → ${type} ${evidence ?? ''}`, () => {
      const date = classifyCsvDate(text);
      expect(date?.type ?? null).toBe(type);
      expect(date === null ? null : orderEvidence(date)).toBe(evidence);
    });
  }

  it('names conversations after DCE file names', () => {
    expect(csvConversation('Guild - chan [42].csv')).toEqual({ id: '42', title: 'Guild - chan' });
    expect(csvConversation('export.csv')).toEqual({ id: 'export', title: 'export' });
  });

  it('warns about bytes that are not UTF-8, with their offset', async () => {
    const head = Buffer.from(
      '"AuthorID","Author","Date","Content","Attachments","Reactions"\n"1","a","2024-05-01T09:00:00+00:00","bad ',
    );
    const doc = Buffer.concat([head, Buffer.from([0xc3, 0x28]), Buffer.from('","",""\n')]);
    const { messages, report } = await collectImport(
      discordImporter,
      memorySource({ 'x.csv': doc }, { chunkSize: 7 }),
    );
    expect(messages.map((m) => m.text)).toEqual(['bad \ufffd(']);
    expect(
      report.warnings.filter((w) => w.code === 'invalid_utf8').map((w) => w.location?.byteOffset),
    ).toEqual([head.length]);
  });

  it('reports a CSV quote left open at the end as truncated_input', async () => {
    const doc =
      '"AuthorID","Author","Date","Content","Attachments","Reactions"\n"1","a","2024-05-01T09:00:00+00:00","cut';
    const error = await chatscreenErrorOf(() =>
      collectImport(discordImporter, memorySource({ 'x.csv': doc })),
    );
    expect(error.code).toBe('truncated_input');
  });
});

describe('Discord detection and bad input', () => {
  it('does not recognise text copied from the Discord client', async () => {
    const source = fileSource(resolve(fixtures, 'not-an-export/copied-from-client.txt'));
    expect(await discordImporter.detect(source)).toBeNull();
    const error = await chatscreenErrorOf(() => collectImport(discordImporter, source));
    expect(error.code).toBe('wrong_format');
  });

  it('detects JSON and CSV exports, alone or together', async () => {
    const json = readFileSync(resolve(fixtures, 'json', jsonName), 'utf8');
    const csv = readFileSync(resolve(fixtures, 'csv', csvName), 'utf8');
    expect(await discordImporter.detect(memorySource({ '': json }))).toEqual({
      format: 'discord',
      confidence: 0.95,
      variant: 'json',
    });
    expect(await discordImporter.detect(memorySource({ '': csv }))).toEqual({
      format: 'discord',
      confidence: 0.9,
      variant: 'csv',
    });
    const both = await collectImport(
      discordImporter,
      memorySource({ 'a.json': json, 'b.csv': csv }),
    );
    expect(both.variant).toBe('csv+json');
    expect(new Set(both.messages.map((m) => m.source.file))).toEqual(new Set(['a.json', 'b.csv']));
  });

  it('refuses a Telegram export forced as Discord', async () => {
    const telegram = readFileSync(resolve(fixtures, '../telegram/single-chat/result.json'));
    const error = await chatscreenErrorOf(() =>
      collectImport(discordImporter, memorySource({ '': telegram })),
    );
    expect(error.code).toBe('wrong_format');
  });

  it('throws nothing but ChatscreenError on mutated JSON and CSV exports', async () => {
    const bases = [
      readFileSync(resolve(fixtures, 'json', jsonName)),
      readFileSync(resolve(fixtures, 'csv', csvName)),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(),
        async (which, edits, cut) => {
          const base = bases[which] ?? Buffer.alloc(0);
          const bytes = Buffer.from(base.subarray(0, 1 + (cut % base.length)));
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          try {
            await collectImport(
              discordImporter,
              memorySource({ [which === 0 ? 'a.json' : 'a.csv']: bytes }, { chunkSize: 61 }),
            );
          } catch (error) {
            expect(error).toBeInstanceOf(ChatscreenError);
            expect((error as ChatscreenError).code).not.toBe('internal');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
