import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatscreenError, type Message, messageIdFor } from '../../domain/index.js';
import { parseJsonSlice } from '../json/slice.js';
import { collectImport } from '../json/testing/collect.js';
import { chatscreenErrorOf } from '../json/testing/errors.js';
import { fileSource, folderSource } from '../json/testing/fixture-source.js';
import { memorySource } from '../json/testing/memory-source.js';
import { telegramImporter } from './index.js';

const fixtures = resolve(import.meta.dirname, '../../../fixtures/telegram');
const singleDir = resolve(fixtures, 'single-chat');
const singleFile = resolve(singleDir, 'result.json');

function byTelegramId(messages: Message[], bytes: Buffer): Map<number, Message> {
  const map = new Map<number, Message>();
  for (const m of messages) {
    const raw = bytes.subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength);
    const parsed = parseJsonSlice(raw, true);
    const record = (parsed.ok ? parsed.value : {}) as { id: number };
    map.set(record.id, m);
  }
  return map;
}

describe('Telegram single-chat export (fixtures/telegram/single-chat)', async () => {
  const bytes = readFileSync(singleFile);
  const { messages, report, variant } = await collectImport(
    telegramImporter,
    folderSource(singleDir),
    {
      timezone: 'Europe/Warsaw',
    },
  );
  const byId = byTelegramId(messages, bytes);
  const get = (id: number): Message => {
    const m = byId.get(id);
    if (m === undefined) throw new Error(`no message ${id}`);
    return m;
  };

  it('reads every record, in file order, as one conversation', () => {
    expect(messages).toHaveLength(13);
    expect(variant).toBe('single');
    expect(messages.map((m) => m.seq)).toEqual([...Array(13).keys()]);
    expect(new Set(messages.map((m) => m.conversation.id))).toEqual(new Set(['1834567890']));
    expect(messages[0]?.conversation.title).toBe('Project Falcon 🦅');
    expect(report.skippedTotal).toBe(0);
  });

  it('gives every message the exact byte range of its JSON object, and deterministic ids', () => {
    messages.forEach((m, i) => {
      const raw = bytes
        .subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength)
        .toString('utf8');
      expect(raw.startsWith('{')).toBe(true);
      expect(raw.endsWith('}')).toBe(true);
      expect(m.source.file).toBe('result.json');
      expect(m.id).toBe(messageIdFor('x_test', 'result.json', i));
    });
    expect(get(101).source.line).toBe(6);
  });

  const table: { id: number; kind: Message['kind']; text: string; sender: string | null }[] = [
    { id: 101, kind: 'system', text: '', sender: null },
    {
      id: 102,
      kind: 'message',
      text: 'Hi @omar_h, the plan is here: link 👩‍👩‍👧',
      sender: 'user5550101',
    },
    {
      id: 103,
      kind: 'message',
      text: 'שלום\u200f — café vs cafe\u0301, line one\ttab\nline two',
      sender: 'user5550202',
    },
    { id: 104, kind: 'media', text: 'the whiteboard', sender: 'user5550101' },
    { id: 105, kind: 'media', text: '', sender: 'user5550202' },
    { id: 106, kind: 'media', text: '', sender: 'user5550101' },
    { id: 107, kind: 'media', text: '', sender: 'user5550202' },
    { id: 108, kind: 'location', text: '', sender: 'user5550101' },
    { id: 109, kind: 'contact', text: '', sender: 'user5550202' },
    { id: 110, kind: 'poll', text: 'Meet on Monday?\nYes\nNo', sender: 'user5550101' },
    { id: 111, kind: 'call', text: '', sender: 'user5550202' },
    {
      id: 112,
      kind: 'message',
      text: 'control\u0007char escaped properly, and a raw one: \u0001',
      sender: 'user5550303',
    },
    { id: 113, kind: 'system', text: '', sender: null },
  ];
  for (const row of table) {
    it(`message ${row.id}: ${row.kind}, exact text and sender`, () => {
      const m = get(row.id);
      expect(m.kind).toBe(row.kind);
      expect(m.text).toBe(row.text);
      expect(m.sender?.id ?? null).toBe(row.sender);
    });
  }

  it('takes the instant from date_unixtime and keeps date as the wall clock written', () => {
    expect(get(102).sentAt).toBe('2024-03-30T23:01:05.000Z');
    expect(get(102).sentAtLocal).toBe('2024-03-31T00:01:05');
  });

  it('links replies to our ids, marks edits, and reports replies to missing messages', () => {
    expect(get(103).replyTo).toBe(get(102).id);
    expect(get(103).edited).toBe(true);
    expect(get(102).edited).toBe(false);
    expect(get(112).replyTo).toBeNull();
    expect(report.warnings.map((w) => w.code)).toContain('reply_target_missing');
  });

  it('keeps the deleted account (from: null) with its id and an empty name', () => {
    expect(get(112).sender).toEqual({ id: 'user5550303', name: '' });
  });

  it('maps media to attachments, linking files that are in the export', () => {
    expect(get(104).attachments).toEqual([
      {
        type: 'image',
        fileName: 'photo_1@31-03-2024_00-04-00.jpg',
        pathInExport: 'photos/photo_1@31-03-2024_00-04-00.jpg',
      },
    ]);
    expect(get(105).attachments).toEqual([
      {
        type: 'audio',
        fileName: 'audio_1@31-03-2024_00-05-00.ogg',
        pathInExport: 'voice_messages/audio_1@31-03-2024_00-05-00.ogg',
      },
    ]);
    expect(get(106).attachments).toEqual([
      { type: 'document', fileName: 'minutes.pdf', pathInExport: null },
    ]);
    expect(get(107).attachments).toEqual([{ type: 'sticker', fileName: null, pathInExport: null }]);
    expect(get(108).attachments).toEqual([
      { type: 'location', fileName: null, pathInExport: null },
    ]);
    expect(get(109).attachments).toEqual([
      { type: 'contact', fileName: 'contact_1.vcf', pathInExport: null },
    ]);
  });

  it('reads raw control characters, keeps them, and warns with their location', () => {
    const warnings = report.warnings.filter((w) => w.code === 'control_character');
    expect(warnings.map((w) => w.location?.line)).toEqual([90, 239]);
    for (const w of warnings) {
      const offset = w.location?.byteOffset ?? -1;
      expect(bytes[offset]).toBeLessThan(0x20);
    }
  });

  it('gives the same messages whatever the chunk size, and from the lone file', async () => {
    for (const chunkSize of [1, 7, 64, 4096]) {
      const again = await collectImport(telegramImporter, folderSource(singleDir, chunkSize), {
        timezone: 'Europe/Warsaw',
      });
      expect(again.messages).toEqual(messages);
    }
    const lone = await collectImport(telegramImporter, fileSource(singleFile), {
      timezone: 'Europe/Warsaw',
    });
    expect(lone.messages.map((m) => m.text)).toEqual(messages.map((m) => m.text));
    expect(lone.messages[3]?.attachments[0]?.pathInExport).toBeNull();
    expect(lone.messages[0]?.source.file).toBe('');
  });
});

describe('Telegram whole-account export (fixtures/telegram/account)', async () => {
  const { messages, report, variant } = await collectImport(
    telegramImporter,
    folderSource(resolve(fixtures, 'account')),
  );

  it('reads chats and left chats as separate conversations', () => {
    expect(variant).toBe('account');
    expect(messages.map((m) => [m.conversation.id, m.conversation.title, m.text])).toEqual([
      ['5550202', 'Omar Haddad', 'Morning! Did you see the report?'],
      ['5550202', 'Omar Haddad', 'Yes — it\'s "fine" \\ mostly'],
      ['4440001', 'Book club 📚', ''],
      ['4440001', 'Book club 📚', 'Thanks for adding me'],
      ['9990001', 'Old neighbourhood', 'Merry Christmas everyone'],
    ]);
    expect(report.conversationCount).toBe(3);
  });

  it('resolves replies within their own chat (message ids repeat across chats)', () => {
    expect(messages[1]?.replyTo).toBe(messages[0]?.id);
    expect(messages[3]?.replyTo).toBe(messages[2]?.id);
  });
});

describe('Telegram exports with only the wall clock (before date_unixtime existed)', () => {
  it('reads `date` in the case zone, DST-correct, and warns on skipped or repeated times', async () => {
    const { messages, report } = await collectImport(
      telegramImporter,
      fileSource(resolve(fixtures, 'legacy/result.json')),
      { timezone: 'Europe/Berlin' },
    );
    expect(messages.map((m) => [m.sentAt, m.sentAtLocal, m.sender?.id])).toEqual([
      ['2019-03-31T00:30:00.000Z', '2019-03-31T01:30:00', '7770001'],
      ['2019-03-31T01:30:00.000Z', '2019-03-31T02:30:00', '5550101'],
      ['2019-10-27T00:30:00.000Z', '2019-10-27T02:30:00', '7770001'],
    ]);
    expect(report.warnings.filter((w) => w.code === 'ambiguous_local_time')).toHaveLength(2);
  });
});

describe('Telegram detection and bad input', () => {
  const detectCases: { name: string; files: Record<string, string>; expected: string | null }[] = [
    { name: 'single chat', files: { '': readFileSync(singleFile, 'utf8') }, expected: 'single' },
    {
      name: 'account',
      files: {
        'export/result.json': readFileSync(resolve(fixtures, 'account/result.json'), 'utf8'),
      },
      expected: 'account',
    },
    {
      name: 'Discord JSON',
      files: {
        '': '{"guild":{"id":"1"},"channel":{"id":"2"},"messages":[{"id":"3","type":"Default"}]}',
      },
      expected: null,
    },
    { name: 'WhatsApp text', files: { '': '12/01/2024, 10:00 - Ann: hi\n' }, expected: null },
    {
      name: 'array of objects',
      files: { '': '[{"timestamp":"2018-12-05T10:39:10","author":"A","message":"m"}]' },
      expected: null,
    },
  ];
  for (const c of detectCases) {
    it(`detect: ${c.name}`, async () => {
      const result = await telegramImporter.detect(memorySource(c.files));
      expect(result?.variant ?? null).toBe(c.expected);
    });
  }

  const wrong: { name: string; content: string }[] = [
    {
      name: 'Discord JSON',
      content:
        '{"guild":{"id":"1"},"channel":{"id":"2"},"messages":[{"id":"3","type":"Default","timestamp":"x"}]}',
    },
    { name: 'WhatsApp text', content: '12/01/2024, 10:00 - Ann: hi\n' },
    { name: 'an array', content: '[1,2]' },
    { name: 'an object without messages', content: '{"name":"x"}' },
  ];
  for (const c of wrong) {
    it(`forced on ${c.name}: wrong_format`, async () => {
      const error = await chatscreenErrorOf(() =>
        collectImport(telegramImporter, memorySource({ '': c.content })),
      );
      expect(error.code).toBe('wrong_format');
    });
  }

  it('truncated file: the messages before the cut, then truncated_input at the end', async () => {
    const bytes = readFileSync(resolve(fixtures, 'account/result.json'));
    const cut = bytes.subarray(0, bytes.indexOf('Thanks for adding me'));
    const yielded: string[] = [];
    const error = await chatscreenErrorOf(async () => {
      const report = (await import('../report.js')).ParseReportBuilder;
      const context = { exportId: 'x', timezone: 'UTC', dateOrder: null, report: new report() };
      for await (const m of telegramImporter.read(memorySource({ '': cut }), context))
        yielded.push(m.text);
    });
    expect(yielded).toHaveLength(3);
    expect(error.code).toBe('truncated_input');
    expect(error.location?.byteOffset).toBe(cut.length);
  });

  it('a record that is not a Telegram message is skipped and reported', async () => {
    const doc =
      '{"messages":[{"id":1,"type":"message","date_unixtime":"1","text":"a"},{"id":2,"type":5},{"id":3,"type":"message","text":"c"}]}';
    const { messages, report } = await collectImport(telegramImporter, memorySource({ '': doc }));
    expect(messages.map((m) => m.text)).toEqual(['a', 'c']);
    expect(report.skipped.map((s) => [s.code, s.location?.byteOffset])).toEqual([
      ['unreadable_record', 70],
    ]);
  });

  it('throws nothing but ChatscreenError on mutated exports', async () => {
    const base = readFileSync(resolve(fixtures, 'account/result.json'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), {
          maxLength: 8,
        }),
        fc.nat(base.length),
        async (edits, cut) => {
          const bytes = Buffer.from(base.subarray(0, Math.max(1, cut)));
          for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
          try {
            await collectImport(telegramImporter, memorySource({ '': bytes }, { chunkSize: 97 }));
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
