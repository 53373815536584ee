import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatscreenError, type Message, participantIdFromName } from '../../domain/index.js';
import { collectImport } from '../json/testing/collect.js';
import { fileSource, folderSource } from '../json/testing/fixture-source.js';
import { memorySource } from '../json/testing/memory-source.js';
import { messengerImporter } from './index.js';

const fixtures = resolve(import.meta.dirname, '../../../fixtures/messenger');
const thread = 'your_facebook_activity/messages/inbox/lenabrandt_10158';

function texts(messages: Message[], conversation: string): string[] {
  return messages.filter((m) => m.conversation.id === conversation).map((m) => m.text);
}

describe('Facebook Messenger export (fixtures/messenger/facebook)', async () => {
  const dir = resolve(fixtures, 'facebook');
  const { messages, report, variant } = await collectImport(messengerImporter, folderSource(dir), {
    timezone: 'Europe/Berlin',
  });
  const lena = messages.filter((m) => m.conversation.id === 'inbox/lenabrandt_10158');

  it('reads threads in path order and a multi-file thread in chronological order', () => {
    expect(variant).toBe('facebook');
    expect([
      ...new Set(messages.map((m) => `${m.conversation.id} | ${m.conversation.title}`)),
    ]).toEqual([
      'archived_threads/omarhaddad_20411 | Omar Haddad',
      'inbox/lenabrandt_10158 | Léna Brandt',
    ]);
    expect(texts(messages, 'inbox/lenabrandt_10158')).toEqual([
      'same millisecond, listed first',
      'same millisecond, listed second',
      'Ça va? On se voit au café',
      '👩‍👩‍👧 שלום\u200f and cafe\u0301',
      '',
      'https://example.org/article',
      '',
      'Léna called you.',
      'You unsent a message',
      'Léna left the group.',
    ]);
    const times = lena.map((m) => m.sentAt ?? '');
    expect([...times].sort()).toEqual(times);
  });

  it('keeps each record tied to its own file and position there', () => {
    const first = lena[0];
    expect(first?.source.file).toBe(`${thread}/message_10.json`);
    const bytes = readFileSync(join(dir, first?.source.file ?? ''));
    const raw = bytes.subarray(
      first?.source.byteOffset ?? 0,
      (first?.source.byteOffset ?? 0) + (first?.source.byteLength ?? 0),
    );
    expect((JSON.parse(raw.toString('utf8')) as { content: string }).content).toBe(
      'same millisecond, listed first',
    );
  });

  it('repairs mojibake only where it is mojibake', () => {
    expect(texts(messages, 'archived_threads/omarhaddad_20411')).toEqual([
      'Genuine café, naïve, Ærøskøbing',
    ]);
    expect(lena.find((m) => m.text.startsWith('Ça'))?.sender).toEqual({
      id: participantIdFromName('Léna Brandt'),
      name: 'Léna Brandt',
    });
    expect(report.warnings.map((w) => w.code)).toContain('mojibake_repaired');
  });

  const kinds: [
    string,
    Message['kind'],
    string | null,
    [string, string | null, string | null][],
  ][] = [
    ['Léna left the group.', 'system', null, []],
    ['You unsent a message', 'deleted', 'Dana Kowalski', []],
    ['Léna called you.', 'call', 'Léna Brandt', []],
    [
      'https://example.org/article',
      'media',
      'Dana Kowalski',
      [['other', 'https://example.org/article', null]],
    ],
  ];
  for (const [text, kind, sender, attachments] of kinds) {
    it(`"${text}": ${kind}`, () => {
      const m = lena.find((x) => x.text === text);
      expect(m?.kind).toBe(kind);
      expect(m?.sender?.name ?? null).toBe(sender);
      expect(m?.attachments.map((a) => [a.type, a.fileName, a.pathInExport])).toEqual(attachments);
    });
  }

  it('lists photos (linked when present) and stickers', () => {
    const media = lena.filter((m) => m.text === '');
    expect(media.map((m) => [m.kind, m.attachments])).toEqual([
      [
        'media',
        [
          {
            type: 'image',
            fileName: 'whiteboard_1234.jpg',
            pathInExport: `${thread}/photos/whiteboard_1234.jpg`,
          },
        ],
      ],
      [
        'media',
        [
          {
            type: 'sticker',
            fileName: '39178562_1505197616293642_5411344281094848512_n.png',
            pathInExport: null,
          },
        ],
      ],
    ]);
  });

  it('skips the corrupt thread with its location and keeps the good ones', () => {
    expect(report.skipped.map((s) => [s.code, s.location?.file])).toEqual([
      ['unreadable_file', 'your_facebook_activity/messages/inbox/broken_31337/message_1.json'],
    ]);
  });

  it('gives times in UTC and the case zone', () => {
    expect(lena[0]?.sentAt).toBe('2023-11-14T22:13:21.000Z');
    expect(lena[0]?.sentAtLocal).toBe('2023-11-14T23:13:21');
  });
});

describe('Instagram and end-to-end-encrypted Messenger exports', () => {
  it('reads Instagram DMs (same schema, newest first)', async () => {
    const { messages, variant } = await collectImport(
      messengerImporter,
      folderSource(resolve(fixtures, 'instagram')),
    );
    expect(variant).toBe('instagram');
    expect(messages.map((m) => [m.sender?.name, m.text])).toEqual([
      ['omar.h', 'Liked a message'],
      ['dana.k', 'bis später 👋'],
    ]);
  });

  it('reads the E2EE schema: unsent kept as deleted, media typed by extension', async () => {
    const { messages, variant } = await collectImport(
      messengerImporter,
      folderSource(resolve(fixtures, 'e2ee')),
    );
    expect(variant).toBe('e2ee');
    expect(messages.map((m) => [m.kind, m.sender?.name, m.text])).toEqual([
      ['message', 'Dana Kowalski', 'hello'],
      ['media', 'Léna Brandt', ''],
      ['deleted', 'Léna Brandt', 'déjà regretté'],
    ]);
    expect(messages[1]?.attachments).toEqual([
      {
        type: 'audio',
        fileName: 'voice_note.m4a',
        pathInExport: 'your_activity_across_facebook/messages/media/voice_note.m4a',
      },
    ]);
    expect(messages[0]?.conversation).toEqual({ id: 'lena_brandt_7', title: 'Léna Brandt' });
  });

  it('reads a lone message file given by itself', async () => {
    const path = resolve(
      fixtures,
      'instagram/your_instagram_activity/messages/inbox/omar_17841401234/message_1.json',
    );
    const source = fileSource(path);
    expect(await messengerImporter.detect(source)).toEqual({
      format: 'messenger',
      confidence: 0.85,
      variant: 'facebook',
    });
    const { messages } = await collectImport(messengerImporter, source);
    expect(messages.map((m) => m.text)).toEqual(['Liked a message', 'bis später 👋']);
  });
});

describe('Messenger detection and bad input', () => {
  it('says no to other JSON, and wrong_format when forced', async () => {
    const telegram = readFileSync(resolve(fixtures, '../telegram/single-chat/result.json'));
    const source = memorySource({ '': telegram });
    expect(await messengerImporter.detect(source)).toBeNull();
    await expect(collectImport(messengerImporter, source)).rejects.toMatchObject({
      code: 'wrong_format',
    });
  });

  it('fails when no thread file can be read at all, with the location', async () => {
    const source = memorySource({
      'messages/inbox/a_1/message_1.json': '{this is not: valid json',
    });
    await expect(collectImport(messengerImporter, source)).rejects.toMatchObject({
      code: 'malformed_input',
      location: { file: 'messages/inbox/a_1/message_1.json', byteOffset: 1 },
    });
  });

  it('throws nothing but ChatscreenError on mutated threads', async () => {
    const base = readFileSync(resolve(fixtures, 'facebook', thread, 'message_2.json'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(),
        async (edits, cut) => {
          const bytes = Buffer.from(base.subarray(0, 1 + (cut % base.length)));
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          try {
            await collectImport(
              messengerImporter,
              memorySource({ 'messages/inbox/t_1/message_1.json': bytes }, { chunkSize: 41 }),
            );
          } catch (error) {
            expect(error).toBeInstanceOf(ChatscreenError);
            expect((error as ChatscreenError).code).not.toBe('internal');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
