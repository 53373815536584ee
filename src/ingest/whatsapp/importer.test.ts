import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ChatscreenError,
  type DateOrder,
  type ExportRecord,
  type Message,
  messageIdFor,
  participantIdFromName,
} from '../../domain/index.js';
import { type ReadExportOptions, readExportSource } from '../read-export.js';
import { openExportSource } from '../sources/index.js';
import type { ImportedMessage } from '../types.js';
import { whatsappImporter } from './index.js';
import { collect, memorySource, testContext } from './testing.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/whatsapp');
const fixture = (rel: string): string => join(FIXTURES, rel);

async function read(
  path: string,
  options: ReadExportOptions = {},
): Promise<{ messages: Message[]; record: ExportRecord }> {
  const source = await openExportSource(path);
  const reading = await readExportSource(source, {
    importers: [whatsappImporter],
    timezone: 'Europe/London',
    ...options,
  });
  const messages: Message[] = [];
  for await (const m of reading.messages) messages.push(m);
  return { messages, record: reading.record() };
}

async function failure(promise: Promise<unknown>): Promise<ChatscreenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChatscreenError) return error;
    throw error;
  }
  throw new Error('expected a ChatscreenError');
}

/** Every message's provenance names exactly its bytes: header line through its last line. */
function expectExactProvenance(bytes: Buffer, messages: ImportedMessage[], file = ''): void {
  let previousEnd = -1;
  for (const m of messages) {
    expect(m.source.file).toBe(file);
    expect(m.source.byteOffset).toBeGreaterThan(previousEnd);
    const raw = bytes.subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength);
    const text = raw.toString('utf8');
    // Starts at a line start, ends at a line end, and holds the message text as written.
    expect(m.source.byteOffset === 0 || bytes[m.source.byteOffset - 1] === 0x0a).toBe(true);
    const after = bytes[m.source.byteOffset + m.source.byteLength];
    expect(after === undefined || after === 0x0a || after === 0x0d).toBe(true);
    if (m.kind === 'message' && !m.edited) expect(text.endsWith(m.text)).toBe(true);
    const lineNumber = bytes.subarray(0, m.source.byteOffset).toString('latin1').split('\n').length;
    expect(m.source.line).toBe(lineNumber);
    previousEnd = m.source.byteOffset + m.source.byteLength;
  }
}

const summary = (m: Message) => [
  m.kind,
  m.sender?.name ?? null,
  m.sentAtLocal,
  m.text,
  m.attachments.map((a) => `${a.type}:${a.fileName ?? '-'}:${a.pathInExport ?? '-'}`).join(' '),
  m.edited,
];

describe('Android group export (en_GB)', () => {
  const path = fixture('android-en-group/WhatsApp Chat with Dev Team.txt');

  it('reads every hard case exactly', async () => {
    const { messages, record } = await read(path);
    expect(messages.map(summary)).toEqual([
      [
        'system',
        null,
        '2023-03-26T01:30:00',
        'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
        '',
        false,
      ],
      ['system', null, '2023-03-26T01:30:00', 'Priya Shah created group "Dev Team"', '', false],
      ['system', null, '2023-03-26T01:31:00', "Priya Shah added Tom O'Brien", '', false],
      [
        'message',
        'Priya Shah',
        '2023-03-26T09:02:00',
        'Morning all 👋 standup moved to 10',
        '',
        false,
      ],
      [
        'message',
        "Tom O'Brien",
        '2023-03-26T09:03:00',
        'ok\nwill be 5 min late\n\nsorry',
        '',
        false,
      ],
      ['message', 'Work: Sam', '2023-03-26T09:04:00', 'Noted: see you there', '', false],
      ['message', 'Work: Sam', '2023-03-26T09:05:00', 'Agenda: deploy, retro', '', false],
      ['media', 'Priya Shah', '2023-03-26T09:06:00', '', 'other:-:-', false],
      ['media', 'Priya Shah', '2023-03-26T09:06:00', 'whiteboard from Friday', 'other:-:-', false],
      ['media', "Tom O'Brien", '2023-03-26T09:07:00', '', 'image:IMG-20230326-WA0003.jpg:-', false],
      ['deleted', "Tom O'Brien", '2023-03-26T09:08:00', '', '', false],
      ['message', 'Priya Shah', '2023-03-26T09:09:00', 'Can we move the retro?', '', true],
      [
        'location',
        "Tom O'Brien",
        '2023-03-26T09:10:00',
        'location: https://maps.google.com/?q=51.5007,-0.1246',
        'location:-:-',
        false,
      ],
      ['contact', 'Priya Shah', '2023-03-26T09:11:00', '', 'contact:Sam Lee.vcf:-', false],
      [
        'poll',
        'Priya Shah',
        '2023-03-26T09:12:00',
        'POLL:\nLunch?\nOPTION: Pizza (2 votes)\nOPTION: Salad (1 vote)',
        '',
        false,
      ],
      ['media', "Tom O'Brien", '2023-03-26T09:13:00', '', 'other:-:-', false],
      ['call', "Tom O'Brien", '2023-03-26T09:14:00', '', '', false],
      ['message', 'Nadia', '2023-03-26T09:15:00', 'مرحبا بالجميع 🌙', '', false],
      [
        'message',
        'Zoë 🦊',
        '2023-03-26T09:16:00',
        'café vs cafe\u0301, family 👨\u200d👩\u200d👧 and flag 🏳\ufe0f\u200d🌈',
        '',
        false,
      ],
      ['message', "Tom O'Brien", '2023-03-26T09:17:00', 'time: 9:17 - fine: really', '', false],
      ['message', 'Priya Shah', '2023-10-29T01:30:00', 'clocks go back tonight', '', false],
      [
        'system',
        null,
        '2023-10-29T01:31:00',
        'Priya Shah changed the subject from "Dev Team" to "Dev Team: Ops"',
        '',
        false,
      ],
      ['system', null, '2023-10-29T01:32:00', "Tom O'Brien left", '', false],
    ]);
    expect(record.variant).toBe('android');
    expect(record.dateOrder).toBe('dmy');
    expect(record.report.skippedTotal).toBe(0);
    expect(record.report.countsByKind).toEqual({
      message: 9,
      system: 5,
      media: 4,
      location: 1,
      contact: 1,
      poll: 1,
      call: 1,
      deleted: 1,
    });
    // 01:30 on 26 March 2023 never happened in London; 01:30-01:32 on 29 October happened twice.
    expect(record.report.warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['nonexistent_local_time', 1],
      ['nonexistent_local_time', 2],
      ['nonexistent_local_time', 3],
      ['sender_name_with_separator', 9],
      ['ambiguous_local_time', 28],
      ['ambiguous_local_time', 29],
      ['ambiguous_local_time', 30],
    ]);
    expect(messages[20]?.sentAt).toBe('2023-10-29T00:30:00.000Z');
    expect(messages[3]?.sentAt).toBe('2023-03-26T08:02:00.000Z');
  });

  it('has exact provenance, deterministic ids and participant ids, whatever the chunking', async () => {
    const bytes = readFileSync(path);
    const first = await collect(
      whatsappImporter.read(memorySource({ '': bytes }, { chunkSize: 1 }), testContext()),
    );
    const second = await collect(
      whatsappImporter.read(memorySource({ '': bytes }, { chunkSize: 4096 }), testContext()),
    );
    expect(second).toEqual(first);
    expectExactProvenance(bytes, first);
    expect(first.map((m) => m.id)).toEqual(first.map((_, i) => messageIdFor('x_test', '', i)));
    expect(first[4]?.sender?.id).toBe(participantIdFromName("Tom O'Brien"));
    expect(first[4]?.source).toEqual({ file: '', byteOffset: 334, byteLength: 61, line: 5 });
  });

  it('names the conversation after the file', async () => {
    const { messages } = await read(path);
    expect(new Set(messages.map((m) => JSON.stringify(m.conversation)))).toHaveProperty('size', 1);
    expect(messages[0]?.conversation.title).toBe('Dev Team');
    expect(messages[0]?.conversation.id).toMatch(/^c_[\w-]{22}$/);
  });
});

describe('iOS group export (en_US, 12-hour, CRLF, marks)', () => {
  const path = fixture('ios-en-group/WhatsApp Chat - Weekend Plans.txt');

  it('reads marks, group notices, names and markers', async () => {
    const { messages, record } = await read(path, { timezone: 'America/New_York' });
    const phone = '+1\u00A0415\u00A0555\u00A00134';
    expect(messages.map(summary)).toEqual([
      [
        'system',
        null,
        '2024-03-04T21:15:07',
        'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
        '',
        false,
      ],
      ['system', null, '2024-03-04T21:15:07', 'Ana Lima created group “Weekend Plans”', '', false],
      ['message', 'Ana Lima', '2024-03-04T21:16:10', "Who's in for Saturday?", '', false],
      ['message', 'Leo', '2024-03-04T21:17:22', 'me!! 🎉', '', false],
      ['media', 'Ana Lima', '2024-03-04T21:18:01', '', 'image:-:-', false],
      ['media', 'Ana Lima', '2024-03-04T21:18:30', '', 'document:Itinerary.pdf:-', false],
      ['message', phone, '2024-03-04T21:19:45', 'Line one\r\nline two\nline three', '', false],
      ['message', 'Ana Lima', '2024-03-04T21:20:00', 'Meet at 10', '', true],
      ['deleted', 'Leo', '2024-03-04T21:21:13', '', '', false],
      [
        'location',
        'Ana Lima',
        '2024-03-04T21:22:00',
        'Location: https://maps.google.com/?q=38.7223,-9.1393',
        'location:-:-',
        false,
      ],
      ['contact', 'Leo', '2024-03-04T21:23:00', '', 'contact:-:-', false],
      ['system', null, '2024-03-04T21:24:00', `Ana Lima added \u202A${phone}\u202C`, '', false],
      [
        'poll',
        'Ana Lima',
        '2024-03-04T21:25:00',
        'POLL:\r\n\u200EWhere?\r\n\u200EOPTION: Beach (2 votes)\r\n\u200EOPTION: Hills (0 votes)',
        '',
        false,
      ],
      ['message', 'Ana Lima', '2024-03-13T00:05:00', 'just after midnight', '', false],
      ['message', 'Leo', '2024-03-13T12:10:00', 'just after noon', '', false],
      ['call', 'Ana Lima', '2024-03-13T08:00:00', '', '', false],
      ['media', 'Ana Lima', '2024-03-13T08:01:00', '', 'sticker:-:-', false],
    ]);
    expect(record.variant).toBe('ios');
    expect(record.dateOrder).toBe('mdy');
    // New York is UTC-5 in early March and UTC-4 after the 10th.
    expect(messages[2]?.sentAt).toBe('2024-03-05T02:16:10.000Z');
    expect(messages[13]?.sentAt).toBe('2024-03-13T04:05:00.000Z');
    // Messages keep source order; the call is earlier than the message before it.
    expect(record.report.outOfOrder).toBe(1);
    expect(messages[0]?.conversation.title).toBe('Weekend Plans');
    expectExactProvenance(readFileSync(path), messages);
  });
});

describe('exports with media', () => {
  const iosExpected = [
    ['system', null, '', ''],
    ['message', 'Mum', 'Look who visited today', ''],
    [
      'media',
      'Mum',
      '',
      'image:00000003-PHOTO-2024-01-05-18-30-05.jpg:00000003-PHOTO-2024-01-05-18-30-05.jpg',
    ],
    [
      'media',
      'Jo',
      '',
      'audio:00000004-AUDIO-2024-01-05-18-31-00.opus:00000004-AUDIO-2024-01-05-18-31-00.opus',
    ],
    [
      'media',
      'Jo',
      '',
      'sticker:00000005-STICKER-2024-01-05-18-31-30.webp:00000005-STICKER-2024-01-05-18-31-30.webp',
    ],
    ['contact', 'Mum', '', 'contact:00000006-Aunt Rosa.vcf:00000006-Aunt Rosa.vcf'],
    ['media', 'Jo', '', 'document:00000007-Notes.txt:00000007-Notes.txt'],
    [
      'media',
      'Jo',
      '',
      'gif:00000008-GIF-2024-01-05-18-34-00.mp4:00000008-GIF-2024-01-05-18-34-00.mp4',
    ],
    ['media', 'Mum', '', 'video:00000009-VIDEO-2024-01-05-18-35-00.mp4:-'],
    ['message', 'Jo', 'the video did not make it into the export', ''],
  ];
  const brief = (m: Message) => [
    m.kind,
    m.sender?.name ?? null,
    m.kind === 'system' ? '' : m.text,
    summary(m)[4],
  ];

  it('iOS zip: reads _chat.txt only, links attachments to the files present', async () => {
    const { messages, record } = await read(fixture('ios-family/WhatsApp Chat - Family.zip'));
    expect(messages.map(brief)).toEqual(iosExpected);
    expect(messages.every((m) => m.source.file === '_chat.txt')).toBe(true);
    expect(messages[0]?.conversation.title).toBe('Family');
    expect(record.format).toBe('whatsapp');
    expect(record.variant).toBe('ios');
    expect(record.report.files).toContainEqual({ path: '_chat.txt', bytes: 849, role: 'messages' });
    expect(record.report.files).toContainEqual({
      path: '00000007-Notes.txt',
      bytes: 57,
      role: 'media',
    });
  });

  it('the same export unpacked in a folder reads the same', async () => {
    const { messages } = await read(fixture('ios-family/WhatsApp Chat - Family'));
    expect(messages.map(brief)).toEqual(iosExpected);
  });

  it('Android folder: the chat file by its name, captions after the attachment line', async () => {
    const { messages } = await read(fixture('android-folder'));
    expect(messages.map(brief)).toEqual([
      ['system', null, '', ''],
      [
        'media',
        'Bob',
        'the view from here',
        'image:IMG-20240214-WA0001.jpg:IMG-20240214-WA0001.jpg',
      ],
      ['media', 'Bob', '', 'audio:PTT-20240214-WA0002.opus:PTT-20240214-WA0002.opus'],
      ['media', 'Alice', '', 'sticker:STK-20240214-WA0003.webp:STK-20240214-WA0003.webp'],
      ['media', 'Alice', 'Tickets.pdf', 'document:DOC-20240214-WA0004.pdf:DOC-20240214-WA0004.pdf'],
      ['media', 'Bob', '', 'video:VID-20240214-WA0005.mp4:-'],
    ]);
    expect(messages[0]?.conversation.title).toBe('Bob');
    expect(messages[0]?.source.file).toBe('WhatsApp Chat with Bob.txt');
  });
});

describe('locales', () => {
  it.each([
    [
      'locales/android-es-12h.txt',
      'dmy',
      'android',
      [
        ['Lucía', '2024-03-13T21:15:00', 'message'],
        ['Martín', '2024-03-13T21:16:00', 'media'],
        ['Martín', '2024-03-13T21:17:00', 'deleted'],
        ['Lucía', '2024-03-14T00:05:00', 'location'],
        ['Lucía', '2024-03-14T12:30:00', 'message'],
      ],
    ],
    [
      'locales/ios-ar.txt',
      'dmy',
      'ios',
      [
        ['سارة', '2024-03-13T21:15:07', 'message'],
        ['سارة', '2024-03-13T21:16:00', 'media'],
        ['عمر', '2024-03-14T07:05:10', 'deleted'],
      ],
    ],
    [
      'locales/ios-ja-12h.txt',
      'ymd',
      'ios',
      [
        ['花子', '2024-03-04T21:15:07', 'message'],
        ['花子', '2024-03-04T21:16:00', 'media'],
        ['太郎', '2024-03-05T00:05:00', 'message'],
      ],
    ],
    [
      'locales/ios-ja-era.txt',
      'ymd',
      'ios',
      [
        ['花子', '2024-03-04T21:15:07', 'message'],
        ['太郎', '2024-03-05T08:00:00', 'message'],
      ],
    ],
    [
      'locales/ios-en-buddhist.txt',
      'mdy',
      'ios',
      [
        ['Somchai', '2024-03-18T14:56:01', 'message'],
        ['Malee', '2024-03-19T09:00:00', 'message'],
      ],
    ],
    [
      'locales/android-th.txt',
      'dmy',
      'android',
      [
        ['สมชาย', '2024-03-18T21:15:00', 'message'],
        ['มาลี', '2024-03-19T08:00:00', 'message'],
      ],
    ],
    [
      'locales/android-ko.txt',
      'ymd',
      'android',
      [
        ['지민', '2024-03-04T21:15:00', 'message'],
        ['민수', '2024-03-05T00:30:00', 'message'],
      ],
    ],
    [
      'locales/android-hu.txt',
      'ymd',
      'android',
      [
        ['Anna', '2024-03-04T21:15:00', 'message'],
        ['Bence', '2024-03-04T21:16:00', 'message'],
      ],
    ],
    [
      'locales/android-time-first.txt',
      'dmy',
      'android',
      [
        ['Kim', '2024-03-13T21:15:00', 'message'],
        ['Lee', '2024-03-13T21:16:00', 'message'],
      ],
    ],
  ])('%s', async (rel, order, variant, expected) => {
    const { messages, record } = await read(fixture(rel), { timezone: 'UTC' });
    expect(messages.map((m) => [m.sender?.name, m.sentAtLocal, m.kind])).toEqual(expected);
    expect(record.dateOrder).toBe(order);
    expect(record.variant).toBe(variant);
    expect(record.report.skippedTotal).toBe(0);
    expectExactProvenance(readFileSync(fixture(rel)), messages);
  });

  it('warns when a Buddhist year had no marker', async () => {
    const { record } = await read(fixture('locales/android-th.txt'), { timezone: 'UTC' });
    expect(record.report.warnings.map((w) => w.code)).toEqual(['buddhist_era_assumed']);
  });

  it('stops on an undecidable day/month order and names the option; reads with it', async () => {
    const path = fixture('locales/android-de-ambiguous.txt');
    const error = await failure(read(path));
    expect(error.code).toBe('ambiguous_date_order');
    expect(error.option).toBe('--date-order');
    for (const [order, first] of [
      ['dmy', '2024-03-04T21:15:00'],
      ['mdy', '2024-04-03T21:15:00'],
    ] as const) {
      const { messages, record } = await read(path, { dateOrder: order as DateOrder });
      expect(messages[0]?.sentAtLocal).toBe(first);
      expect(record.dateOrder).toBe(order);
      expect(messages.map((m) => m.kind)).toEqual(['message', 'message', 'media', 'deleted']);
    }
  });
});

describe('bad input', () => {
  const path = fixture('bad-input.txt');

  it('skips junk with its location, warns about bytes and header-like lines, keeps the rest', async () => {
    const { messages, record } = await read(path, { timezone: 'UTC' });
    expect(messages.map((m) => [m.source.line, m.sender?.name, m.text])).toEqual([
      [3, 'Ana', 'first message'],
      [4, 'Ben', 'broken \uFFFD\uFFFD bytes here'],
      [
        5,
        'Ana',
        'quoting: 12/03/2024, 10:00 zz - Ana: first message\n13/03/2024, 10:00 xyz - Ben: unknown marker line',
      ],
      [7, 'Ben', 'last'],
    ]);
    expect(record.report.skipped).toEqual([
      {
        code: 'unreadable_line',
        detail: 'lines outside any message (before the first header or after an unreadable line)',
        location: { file: '', byteOffset: 3, byteLength: 38, line: 1 },
      },
    ]);
    expect(record.report.warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['invalid_utf8', 4],
      ['header_like_line', 6],
    ]);
  });

  it.each([
    ['not WhatsApp at all', 'just some notes\nwithout any header\n', 'wrong_format'],
    ['UTF-16', '\uFEFF12/03/2024, 10:00 - Ana: hi\n', 'invalid_encoding'],
  ])('refuses %s', async (_name, content, code) => {
    const bytes =
      code === 'invalid_encoding' ? Buffer.from(content, 'utf16le') : Buffer.from(content);
    const error = await failure(
      collect(whatsappImporter.read(memorySource({ '': bytes }), testContext())),
    );
    expect(error.code).toBe(code);
  });

  it('an empty file is an empty chat', async () => {
    const context = testContext();
    expect(await collect(whatsappImporter.read(memorySource({ '': '' }), context))).toEqual([]);
    expect(context.report.build().warnings.map((w) => w.code)).toEqual(['empty_chat']);
  });

  it('a line over the cap is skipped with its location, the lines after it too', async () => {
    const content = `13/03/2024, 10:00 - Ana: a\n${'x'.repeat(100)}\nmore\n13/03/2024, 10:01 - Ben: b\n`;
    const context = testContext();
    const { readWhatsApp } = await import('./read.js');
    const messages = await collect(
      readWhatsApp(memorySource({ '': content }, { chunkSize: 7 }), context, { maxLineBytes: 50 }),
    );
    expect(messages.map((m) => [m.text, m.source.byteLength])).toEqual([
      ['a', 26],
      ['b', 26],
    ]);
    expect(context.report.build().skipped.map((s) => [s.code, s.location])).toEqual([
      ['line_too_long', { file: '', byteOffset: 27, byteLength: 100, line: 2 }],
      ['unreadable_line', { file: '', byteOffset: 128, byteLength: 4, line: 3 }],
    ]);
  });
});

describe('detection', () => {
  it.each([
    ['android-en-group/WhatsApp Chat with Dev Team.txt', 'android'],
    ['ios-en-group/WhatsApp Chat - Weekend Plans.txt', 'ios'],
    ['ios-family/WhatsApp Chat - Family.zip', 'ios'],
    ['android-folder', 'android'],
  ])('%s', async (rel, variant) => {
    const source = await openExportSource(fixture(rel));
    const result = await whatsappImporter.detect(source);
    await source.close();
    expect(result).toMatchObject({ format: 'whatsapp', variant });
    expect(result?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('says no to other formats', async () => {
    const json = memorySource({ '': '{"name": "chat", "messages": []}' });
    const csv = memorySource({ '': 'id,text,sender\n1,hello,ana\n' });
    expect(await whatsappImporter.detect(json)).toBeNull();
    expect(await whatsappImporter.detect(csv)).toBeNull();
  });
});
