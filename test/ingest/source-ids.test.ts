import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/domain/index.js';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { useScratchDir, writeScratch } from './helpers/tmp.js';

const fixture = (rel: string): string => join(import.meta.dirname, '../../fixtures', rel);
const scratch = useScratchDir();

/** Every importer builds its messages with the fields in the model's order (one shape). */
const FIELD_ORDER = [
  'id',
  'sourceId',
  'exportId',
  'conversation',
  'seq',
  'sender',
  'sentAt',
  'sentAtLocal',
  'kind',
  'text',
  'attachments',
  'edited',
  'replyTo',
  'source',
];

async function read(path: string): Promise<Message[]> {
  const { messages } = await parseExportToArray(path, { timezone: 'UTC' });
  for (const m of messages) expect(Object.keys(m)).toEqual(FIELD_ORDER);
  return messages;
}

describe('Message.sourceId: the id the source gives a message', () => {
  it.each([
    ['generic/messages.jsonl', ['a1', 'a2', '3']],
    ['generic/messages.csv', ['1', '2', '3']],
    ['discord/json', ['1235000000000000001', '1235000000000000002']],
    ['telegram/single-chat', ['101', '102', '103']],
    ['slack/workspace', ['C01GENERAL/1711782000.000100', 'C01GENERAL/1711785600.000200']],
  ])('%s: the record ids as written', async (rel, first) => {
    const messages = await read(fixture(rel));
    expect(messages.slice(0, first.length).map((m) => m.sourceId)).toEqual(first);
  });

  it.each([
    'discord/csv',
    'messenger/facebook',
    'messenger/e2ee',
    'sms/backup.xml',
    'whatsapp/android-en-group',
  ])('%s: none where the format has none', async (rel) => {
    const messages = await read(fixture(rel));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.sourceId === null)).toBe(true);
  });

  it('an MMS keeps its Message-ID (m_id); an SMS has none', async () => {
    const xml = [
      "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
      '<smses count="2">',
      '  <sms protocol="0" address="+447700900123" date="1710325000000" type="1" body="hi" />',
      '  <mms date="1710326000000" msg_box="1" address="+447700900123" m_id="mid-42@example" m_type="132">',
      '    <parts><part seq="0" ct="text/plain" text="there" /></parts>',
      '    <addrs><addr address="+447700900123" type="137" charset="106" /></addrs>',
      '  </mms>',
      '</smses>',
    ].join('\n');
    const messages = await read(await writeScratch(scratch.dir, 'sms.xml', xml));
    expect(messages.map((m) => m.sourceId)).toEqual([null, 'mid-42@example']);
  });

  it('a Messenger record with an id keeps it', async () => {
    const thread = JSON.stringify({
      participants: [{ name: 'Ana' }, { name: 'Ben' }],
      messages: [
        { sender_name: 'Ben', timestamp_ms: 1600000060000, content: 'b', message_id: 'mid.2' },
        { sender_name: 'Ana', timestamp_ms: 1600000000000, content: 'a' },
      ],
      title: 'Ben',
      thread_path: 'inbox/ben_1',
    });
    const messages = await read(await writeScratch(scratch.dir, 'message_1.json', thread));
    expect(messages.map((m) => [m.text, m.sourceId])).toEqual([
      ['a', null],
      ['b', 'mid.2'],
    ]);
  });
});
