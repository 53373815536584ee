import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportRecord, Message } from '../../src/domain/index.js';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { CHECKED, MSGVAULT_SETS } from './messenger.files.js';
import { placeSet, rebuild } from './reassemble.js';
import { corpusAvailable, corpusPath } from './shared-exports.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function parseSet(set: string): Promise<{ messages: Message[]; record: ExportRecord }> {
  const placed = placeSet('messenger', `msgvault__${set}__`, set);
  expect(placed.map((p) => p.corpus).sort()).toEqual(
    (MSGVAULT_SETS[set] ?? []).map((f) => `messenger/msgvault__${set}__${f}`).sort(),
  );
  const { dir, cleanup } = await rebuild(placed);
  cleanups.push(cleanup);
  const { messages, record } = await parseExportToArray(dir, { timezone: 'UTC' });
  console.info(
    `conformance messenger: ${set}: rebuilt ${placed.map((p) => p.path).join(', ')}; auto-detected ${record.format}/${record.variant}; ${messages.length} messages, ${record.report.skippedTotal} skipped`,
  );
  return { messages, record };
}

const texts = (messages: Message[]): string[] => messages.map((m) => m.text);
const senders = (messages: Message[]): Set<string | undefined> =>
  new Set(messages.map((m) => m.sender?.name));

/** What PROVENANCE.md states for each msgvault set, as checks. */
const EXPECTED: Record<string, (messages: Message[], record: ExportRecord) => void> = {
  // "intentionally invalid JSON - parser must report an error, not crash/skip silently";
  // "1 message; must still import while its sibling is corrupt"
  corrupt: (messages, record) => {
    expect(texts(messages)).toEqual(['Still valid']);
    expect(record.report.skipped).toEqual([
      {
        code: 'unreadable_file',
        detail: expect.stringContaining('invalid JSON') as unknown as string,
        location: {
          file: 'your_activity_across_facebook/messages/inbox/broken_BAD/message_1.json',
          byteOffset: 1,
          byteLength: 1,
          line: 1,
        },
      },
    ]);
  },
  // alice: "4 records, msgvault expects 3 (drops the isUnsent one); 2 participants; mojibake in
  // text and reaction"; group: "2 messages (1 media-only), 3 participants"
  e2ee_simple: (messages, record) => {
    expect(record.variant).toBe('e2ee');
    const alice = messages.filter((m) => m.conversation.id === 'alice_1');
    expect(alice).toHaveLength(4);
    expect(alice.filter((m) => m.kind === 'deleted').map((m) => m.text)).toEqual(['oops']);
    expect(senders(alice)).toEqual(new Set(['Test User', 'Alice Example']));
    expect(alice[1]?.text).toBe('café time?');
    const group = messages.filter((m) => m.conversation.id === 'group_2');
    expect(group.map((m) => [m.kind, m.text])).toEqual([
      ['message', 'Plans?'],
      ['media', ''],
    ]);
    expect(group[0]?.conversation.title).toBe('Weekend crew');
  },
  // "group chat, 3 participants, 3 messages"
  json_group: (messages) => {
    expect(messages).toHaveLength(3);
    expect(senders(messages)).toEqual(new Set(['Test User', 'Alice Example', 'Bob Example']));
    expect(messages[0]?.conversation).toEqual({ id: 'inbox/crew_GRP123', title: 'Crew' });
  },
  // "4 messages total, chronological A,B,C,D; files must be sorted numerically (10 after 2)"
  json_multifile: (messages) => {
    expect(texts(messages).map((t) => t.slice(0, 9))).toEqual([
      'Message A',
      'Message B',
      'Message C',
      'Message D',
    ]);
    expect(messages.map((m) => m.source.file.split('/').pop())).toEqual([
      'message_1.json',
      'message_1.json',
      'message_2.json',
      'message_10.json',
    ]);
  },
  // "6 messages: Unsubscribe (system "Sam left the chat"), Share, missed Call (0 s), Call 192 s, photo, sticker"
  json_nontext: (messages) => {
    expect(messages.map((m) => [m.kind, m.text])).toEqual([
      ['system', 'Sam left the chat'],
      ['media', ''],
      ['call', ''],
      ['call', ''],
      ['media', ''],
      ['media', ''],
    ]);
    expect(messages.map((m) => m.attachments.map((a) => a.type))).toEqual([
      [],
      ['other'],
      [],
      [],
      ['image'],
      ['sticker'],
    ]);
    expect(messages[1]?.attachments[0]?.fileName).toBe('https://example.com/article');
  },
  // "1 message (archived_threads section)"; "3 messages, 2 participants, direct chat; msg[1] must
  // decode mojibake to "café"; 2 reactions (mojibake emoji)"
  json_simple: (messages, record) => {
    const alice = messages.filter((m) => m.conversation.id === 'inbox/alice_ABC123');
    const zoe = messages.filter((m) => m.conversation.id === 'archived_threads/zoe_ARCH');
    expect(texts(zoe)).toEqual(['Old message in archive']);
    expect(texts(alice)).toEqual(['Hello', 'café time?', 'See you soon']);
    expect(senders(alice)).toEqual(new Set(['Test User', 'Alice Example']));
    expect(record.report.warnings.map((w) => w.code)).toContain('mojibake_repaired');
  },
  // "1 message with 1 photo attachment"
  json_with_media: (messages) => {
    expect(
      messages.map((m) => [m.kind, m.text, m.attachments.map((a) => [a.type, a.fileName])]),
    ).toEqual([['media', "Here's a photo", [['image', 'tiny.png']]]]);
  },
  // "1 message, 1 photo; alternative root folder "your_facebook_activity""
  json_with_media_alt: (messages) => {
    expect(
      messages.map((m) => [m.text, m.attachments.length, m.source.file.split('/')[0]]),
    ).toEqual([['Photo from alt layout', 1, 'your_facebook_activity']]);
  },
  // "thread exported as both HTML and JSON; discovery must yield 1 conversation" (the corpus
  // holds only the JSON file)
  mixed: (messages, record) => {
    expect(record.report.conversationCount).toBe(1);
    expect(texts(messages)).toEqual(['Mixed hello', 'Mixed reply']);
  },
};

describe.skipIf(!corpusAvailable)('conformance: Messenger and Instagram', () => {
  it('PROVENANCE.md states the counts checked here', () => {
    const provenance = readFileSync(corpusPath('messenger/PROVENANCE.md'), 'utf8');
    for (const statement of [
      '4 messages total, chronological A,B,C,D',
      '4 records, msgvault expects 3 (drops the isUnsent one)',
      '1 message; must still import while its sibling is corrupt',
      'group chat, 3 participants, 3 messages',
      '2 messages, 2 authors (timestamp_ms, newest-first)',
    ]) {
      expect(provenance).toContain(statement);
    }
  });

  it.each(Object.keys(MSGVAULT_SETS))('msgvault %s', async (set) => {
    const { messages, record } = await parseSet(set);
    expect(record.format).toBe('messenger');
    for (const m of messages) {
      expect(m.sentAt).not.toBeNull();
      expect(m.source.byteLength).toBeGreaterThan(0);
    }
    const times = messages
      .filter((m) => m.conversation.id === messages[0]?.conversation.id)
      .map((m) => m.sentAt ?? '');
    expect([...times].sort()).toEqual(times);
    EXPECTED[set]?.(messages, record);
  });

  it('chatminer Instagram export: 2 messages, 2 authors, as in its ground truth, oldest first', async () => {
    const exported = CHECKED.filter(
      (f) => f.path.startsWith('messenger/chatminer__') && f.role === 'export',
    );
    expect(exported.map((f) => f.path)).toEqual([
      'messenger/chatminer__instagram_test_export.json',
    ]);
    const { messages, record } = await parseExportToArray(
      corpusPath('messenger/chatminer__instagram_test_export.json'),
    );
    expect([record.format, record.variant]).toEqual(['messenger', 'instagram']);
    const truth = JSON.parse(
      readFileSync(corpusPath('messenger/chatminer__instagram_target.json'), 'utf8'),
    ) as {
      timestamp: string;
      author: string;
      message: string;
    }[];
    // chat-miner keeps the file's newest-first order; chatscreen yields time order.
    expect(messages.map((m) => [m.sentAt, m.sender?.name, m.text])).toEqual(
      [...truth].reverse().map((t) => [`${t.timestamp}.000Z`, t.author, t.message]),
    );
    console.info(
      'conformance messenger: chatminer__instagram_test_export.json: auto-detected messenger/instagram; checked against chatminer__instagram_target.json',
    );
  });

  it('the ground truth file is not itself an export', async () => {
    await expect(
      parseExportToArray(corpusPath('messenger/chatminer__instagram_target.json')),
    ).rejects.toMatchObject({
      code: 'unrecognised_format',
    });
  });
});
