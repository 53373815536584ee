import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/domain/index.js';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { corpusAvailable, corpusPath } from './shared-exports.js';
import { CHECKED } from './telegram.files.js';

interface GroundTruth {
  timestamp: string;
  author: string;
  message: string;
}

/** The source bytes of a message, parsed: what `source` points at must be its JSON object. */
function sourceRecord(path: string, m: Message): Record<string, unknown> {
  const bytes = readFileSync(corpusPath(path));
  return JSON.parse(
    bytes.subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength).toString('utf8'),
  ) as Record<string, unknown>;
}

/** Same-sender runs: langchain's loader merges them into turns. */
function turns(messages: Message[]): number {
  return messages.filter((m, i) => i === 0 || messages[i - 1]?.sender?.id !== m.sender?.id).length;
}

const chatminerTruth = (): GroundTruth[] =>
  JSON.parse(readFileSync(corpusPath('telegram/chatminer__target.json'), 'utf8')) as GroundTruth[];

const EXPECTED: Record<string, (messages: Message[], variant: string | null) => void> = {
  // "ground truth for both chatminer Telegram files: 2 messages, 2 authors"; the second message's
  // entity array [bold "Link:", link] reads "Link: https://telegram.org/" in chat-miner, which
  // adds a space between entities; the export's own texts are "Link:" and the URL, concatenated.
  'telegram/chatminer__test_single_export.json': (messages, variant) => {
    expect(variant).toBe('single');
    checkChatminer(messages);
  },
  'telegram/chatminer__test_batch_export.json': (messages, variant) => {
    expect(variant).toBe('account');
    expect(messages.map((m) => m.conversation.title)).toEqual(['Chatname', 'Chatname']);
    checkChatminer(messages);
  },
  // "4 messages, 2 senders; langchain test merges consecutive same-sender runs into 3 turns"
  'telegram/langchain__telegram_chat_json__result.json': (messages, variant) => {
    expect(variant).toBe('single');
    expect(messages).toHaveLength(4);
    expect(new Set(messages.map((m) => m.sender?.id))).toEqual(
      new Set(['user123450513', 'user6565661032']),
    );
    expect(turns(messages)).toBe(3);
    expect(messages.map((m) => m.text)).toEqual([
      'i refuse to converse with you',
      'Hi nemesis',
      'we meet again',
      'you will not trick me this time',
    ]);
    expect(messages[1]?.sender?.name).toBe('Batman & Robin');
    expect(messages[0]?.conversation).toEqual({ id: '5965280513', title: 'Jimmeny' });
    expect(messages[0]?.sentAtLocal).toBe('2023-08-23T13:11:23');
    expect(messages[0]?.sentAt).toBe('2023-08-23T20:11:23.000Z');
  },
};

function checkChatminer(messages: Message[]): void {
  const truth = chatminerTruth();
  expect(messages).toHaveLength(truth.length);
  expect(new Set(messages.map((m) => m.sender?.name)).size).toBe(2);
  messages.forEach((m, i) => {
    const t = truth[i];
    expect(m.sender?.name).toBe(t?.author);
    expect(m.sentAt).toBe(`${t?.timestamp}.000Z`);
    expect(m.text.replace('Link:https', 'Link: https')).toBe(t?.message);
  });
  expect(messages[1]?.text).toBe('Link:https://telegram.org/');
}

describe.skipIf(!corpusAvailable)('conformance: Telegram Desktop JSON', () => {
  it('PROVENANCE.md states the counts checked here', () => {
    const provenance = readFileSync(corpusPath('telegram/PROVENANCE.md'), 'utf8');
    expect(provenance).toContain('2 messages, 2 authors');
    expect(provenance).toContain('4 messages, 2 senders');
    expect(provenance).toContain('3 turns');
  });

  it.each(CHECKED.filter((f) => f.role === 'export').map((f) => f.path))('%s', async (path) => {
    const { messages, record } = await parseExportToArray(corpusPath(path), {
      timezone: 'America/Los_Angeles',
    });
    expect(record.format).toBe('telegram');
    expect(record.report.skippedTotal).toBe(0);
    for (const m of messages) expect(sourceRecord(path, m).type).toBe('message');
    EXPECTED[path]?.(messages, record.variant);
    console.info(
      `conformance telegram: ${path}: auto-detected ${record.format}/${record.variant}, ${messages.length} messages checked against PROVENANCE.md`,
    );
  });

  it('the ground truth file is not itself an export', async () => {
    await expect(
      parseExportToArray(corpusPath('telegram/chatminer__target.json')),
    ).rejects.toMatchObject({
      code: 'unrecognised_format',
    });
  });
});
