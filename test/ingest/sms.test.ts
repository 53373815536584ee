import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import type { Message } from '../../src/domain/index.js';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { ParseReportBuilder } from '../../src/ingest/report.js';
import { readXmlElements, type XmlEvent } from '../../src/ingest/sms/xml-elements.js';
import { refusal } from './helpers/refusal.js';
import { useScratchDir, writeScratch } from './helpers/tmp.js';

const fixture = join(import.meta.dirname, '../../fixtures/sms/backup.xml');
const bytes = readFileSync(fixture);

const scratch = useScratchDir();

const sourceBytes = (m: Message): string =>
  bytes.subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength).toString('utf8');

describe('SMS Backup & Restore', () => {
  it('reads every <sms> and <mms> with exact text, senders and conversations', async () => {
    const { messages, record } = await parseExportToArray(fixture, { timezone: 'Europe/London' });
    expect(record.format).toBe('sms');
    expect(messages.map((m) => m.text)).toEqual([
      'Are you coming tonight? \u{1F600}',
      'Yes & I\'ll bring the "stuff" <3',
      'Line one\nline two — café, مرحبا, e\u0301',
      'draft never sent \u{1F469}\u200D\u{1F4BB}',
      'look at this',
      'see you both there',
      '',
      'sent earlier, stored later',
      '',
    ]);
    // Surrogate references become one code point, not two lone halves.
    expect([...(messages[0]?.text ?? '')].at(-1)).toBe('\u{1F600}');
    expect(messages.map((m) => m.sender?.id ?? null)).toEqual([
      'tel:+447700900123',
      'me',
      'tel:02079460018',
      'me',
      'tel:+447700900123',
      'me',
      'tel:+447700900456',
      'tel:+447700900123',
      'me',
    ]);
    expect(messages[0]?.sender?.name).toBe('Sam Carter');
    expect(messages[2]?.sender?.name).toBe('(020) 7946-0018');
    // `+44 7700 900123` and `+447700900123` are one conversation; so are the two spellings of 020.
    expect(new Set(messages.map((m) => m.conversation.id))).toEqual(
      new Set(['sms:+447700900123', 'sms:02079460018', 'sms:+447700900123,+447700900456']),
    );
    expect(messages[3]?.conversation).toEqual(messages[2]?.conversation);
    expect(messages[4]?.attachments).toEqual([
      { type: 'image', fileName: 'IMG_0042.jpg', pathInExport: null },
    ]);
    expect(messages[6]?.kind).toBe('media');
    expect(messages[6]?.attachments[0]?.type).toBe('video');
    expect(messages[0]?.sentAt).toBe('2024-03-13T09:10:00.000Z');
    expect(record.report.countsByKind).toMatchObject({ message: 8, media: 1 });
    expect(record.report.outOfOrder).toBe(1);
    expect(record.report.warnings.map((w) => w.code).sort()).toEqual(['not_sent', 'out_of_order']);
  });

  it('records the exact bytes and line of each element', async () => {
    const { messages } = await parseExportToArray(fixture);
    for (const m of messages) {
      const raw = sourceBytes(m);
      expect(raw).toMatch(/^<(sms|mms)\s/);
      expect(raw).toMatch(/(\/>|<\/mms>)$/);
      const line = bytes.subarray(0, m.source.byteOffset).toString('utf8').split('\n').length;
      expect(m.source.line).toBe(line);
    }
  });

  it('keeps the local wall time in the case zone', async () => {
    const summer = bytes.toString('utf8').replace('date="1710321000000"', 'date="1720000000000"');
    const path = await writeScratch(scratch.dir, 'summer.xml', summer);
    const { messages } = await parseExportToArray(path, { timezone: 'Europe/London' });
    expect(messages[0]?.sentAt).toBe('2024-07-03T09:46:40.000Z');
    expect(messages[0]?.sentAtLocal).toBe('2024-07-03T10:46:40');
  });

  it('gives the same ids to the same bytes, and distinct ids to every message', async () => {
    const a = await parseExportToArray(fixture);
    const b = await parseExportToArray(fixture, { timezone: 'Asia/Tokyo' });
    expect(a.messages.map((m) => m.id)).toEqual(b.messages.map((m) => m.id));
    expect(new Set(a.messages.map((m) => m.id)).size).toBe(a.messages.length);
  });

  it('is independent of how the bytes are chunked', async () => {
    const collect = async (stream: Readable): Promise<XmlEvent[]> => {
      const events: XmlEvent[] = [];
      for await (const e of readXmlElements(stream, '', new ParseReportBuilder())) events.push(e);
      return events;
    };
    const whole = await collect(Readable.from([bytes]));
    const oneByte = await collect(Readable.from([...bytes].map((b) => Buffer.from([b]))));
    expect(oneByte).toEqual(whole);
  });

  it('shifts offsets past a UTF-8 byte-order mark', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    const { messages } = await parseExportToArray(
      await writeScratch(scratch.dir, 'bom.xml', withBom),
    );
    const plain = await parseExportToArray(fixture);
    expect(messages.map((m) => m.source.byteOffset)).toEqual(
      plain.messages.map((m) => m.source.byteOffset + 3),
    );
  });

  it('keeps what precedes a truncation and reports where the file stops', async () => {
    const cut = bytes.subarray(0, bytes.indexOf('look at this'));
    const { messages, record } = await parseExportToArray(
      await writeScratch(scratch.dir, 'cut.xml', cut),
    );
    expect(messages).toHaveLength(4);
    expect(record.report.skipped).toEqual([
      {
        code: 'truncated_element',
        detail: 'the file ends inside this element',
        location: {
          file: '',
          byteOffset: bytes.indexOf('<mms'),
          byteLength: cut.length - bytes.indexOf('<mms'),
          line: 9,
        },
      },
    ]);
    expect(record.report.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['truncated', 'count_mismatch']),
    );
  });

  it('refuses malformed XML with the byte where it breaks', async () => {
    const broken = bytes
      .toString('utf8')

      .replace(
        '<sms protocol="0" address="+447700900123" date="1710321060000"',
        '<sms protocol="0" address="+447700900123" date=1710321060000',
      );
    const error = await refusal(
      parseExportToArray(await writeScratch(scratch.dir, 'broken.xml', broken)),
    );
    expect(error.code).toBe('malformed_input');
    expect(error.location?.line).toBe(6);
  });

  it('refuses invalid UTF-8, UTF-16 and other declared encodings', async () => {
    const offset = bytes.indexOf('caf') + 3;
    const latin1 = Buffer.from(bytes);
    latin1[offset] = 0xe9;
    latin1[offset + 1] = 0x2c;
    const invalid = await refusal(
      parseExportToArray(await writeScratch(scratch.dir, 'latin1.xml', latin1)),
    );
    expect(invalid.code).toBe('invalid_encoding');
    expect(invalid.location?.byteOffset).toBe(offset);

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(bytes.toString('utf8'), 'utf16le'),
    ]);
    const notUtf8 = await refusal(
      parseExportToArray(await writeScratch(scratch.dir, 'utf16.xml', utf16), {
        format: 'sms',
      }).catch((e: unknown) => {
        throw e;
      }),
    );
    expect(['invalid_encoding', 'wrong_format']).toContain(notUtf8.code);

    const declared = bytes.toString('utf8').replace("encoding='UTF-8'", "encoding='ISO-8859-1'");
    const error = await refusal(
      parseExportToArray(await writeScratch(scratch.dir, 'iso.xml', declared)),
    );
    expect(error.code).toBe('invalid_encoding');
  });

  it('refuses an element longer than the cap instead of buffering it', async () => {
    const huge = `<smses count="1"><sms body="${'a'.repeat(5000)}" /></smses>`;
    const error = await refusal(
      (async () => {
        const events = readXmlElements(
          Readable.from([Buffer.from(huge.slice(0, 2000)), Buffer.from(huge.slice(2000))]),
          '',
          new ParseReportBuilder(),
          { maxElementChars: 1000 },
        );
        for await (const _ of events);
      })(),
    );
    expect(error.code).toBe('input_too_large');
    expect(error.location?.byteOffset).toBe(17);
  });

  it('reads every backup in a zip, in path order', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(bytes, 'backups/sms-2.xml');
    zip.addBuffer(bytes, 'backups/sms-1.xml');
    zip.addBuffer(Buffer.from('not a backup'), 'readme.txt');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const { messages, record } = await parseExportToArray(
      await writeScratch(scratch.dir, 'two.zip', Buffer.concat(chunks)),
    );
    expect(messages).toHaveLength(18);
    expect(messages[0]?.source.file).toBe('backups/sms-2.xml');
    expect(messages[9]?.source.file).toBe('backups/sms-1.xml');
    expect(new Set(messages.map((m) => m.id)).size).toBe(18);
    expect(record.report.files.map((f) => [f.path, f.role])).toEqual([
      ['backups/sms-2.xml', 'messages'],
      ['backups/sms-1.xml', 'messages'],
      ['readme.txt', 'ignored'],
    ]);
  });
});
