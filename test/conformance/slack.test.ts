import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/domain/index.js';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { type Placement, placeSet, rebuild } from './reassemble.js';
import { corpusAvailable, corpusPath } from './shared-exports.js';
import { CHECKED, SETS } from './slack.files.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Placements of a set, from the original paths in PROVENANCE.md. */
function placements(set: string): Placement[] {
  switch (set) {
    case 'msgvault standard':
      return placeSet('slack', 'msgvault__standard__', 'standard');
    case 'slackdump export':
      return placeSet('slack', 'slackdump__export__', 'export');
    case 'slackdump source_export_dir':
      return placeSet('slack', 'slackdump__source_export_dir__', 'source_export_dir');
    default:
      // Two JSON literals from slackdump's Go fixtures (a real native export's channel list and
      // the #everyone channel's messages): the messages become that channel's day file, named
      // after its first message's date.
      return [
        { corpus: 'slack/slackdump__native_export__channels.json', path: 'channels.json' },
        {
          corpus: 'slack/slackdump__native_export__everyone_channel_messages.json',
          path: 'everyone/2019-04-17.json',
        },
      ];
  }
}

async function parseSet(set: string): Promise<{
  messages: Message[];
  record: Awaited<ReturnType<typeof parseExportToArray>>['record'];
  dir: string;
}> {
  const placed = placements(set);
  expect(placed.map((p) => p.corpus).sort()).toEqual([...(SETS[set] ?? [])].sort());
  const { dir, cleanup } = await rebuild(placed);
  cleanups.push(cleanup);
  const { messages, record } = await parseExportToArray(dir, { timezone: 'UTC' });
  console.info(
    `conformance slack: ${set}: rebuilt ${placed.length} files as a folder (${placed.map((p) => p.path).join(', ')}); auto-detected ${record.format}/${record.variant}; ${messages.length} messages in ${record.report.conversationCount} conversations`,
  );
  return { messages, record, dir };
}

/** Day-file records, counted straight from the corpus files, independently of the importer. */
function dayRecords(set: string): number {
  return placements(set)
    .filter((p) => p.path.includes('/'))
    .reduce(
      (sum, p) =>
        sum + (JSON.parse(readFileSync(corpusPath(p.corpus), 'utf8')) as unknown[]).length,
      0,
    );
}

describe.skipIf(!corpusAvailable)('conformance: Slack workspace exports', () => {
  it('PROVENANCE.md states the counts checked here', () => {
    const provenance = readFileSync(corpusPath('slack/PROVENANCE.md'), 'utf8');
    expect(provenance).toContain(
      '6 messages across 5 conversations (general 2 incl. 1 thread reply, private-team 1, mpdm 1, D001 1, D002 1)',
    );
    expect(provenance).toContain('9 messages, 2 users, 2 channel_join; 4 with files');
  });

  it('every staged Slack file belongs to a rebuilt set', () => {
    expect(CHECKED.filter((f) => f.role === 'export')).toHaveLength(
      Object.values(SETS).flat().length,
    );
  });

  it('msgvault "standard": 6 messages across 5 conversations, 1 thread reply', async () => {
    const { messages, record } = await parseSet('msgvault standard');
    expect(record.format).toBe('slack');
    expect(record.report).toMatchObject({ messageCount: 6, conversationCount: 5, skippedTotal: 0 });
    const counts = new Map<string, number>();
    for (const m of messages)
      counts.set(m.conversation.title ?? '', (counts.get(m.conversation.title ?? '') ?? 0) + 1);
    expect([...counts]).toEqual([
      ['#general', 2],
      ['#private-team', 1],
      ['Alice Test, Bob Test', 1],
      ['Bob Test', 1],
      ['Alice Test', 1],
    ]);
    expect(messages[0]?.text).toBe('first day @Bob Test');
    expect(messages[1]?.replyTo).toBe(messages[0]?.id);
    expect(messages.filter((m) => m.replyTo !== null)).toHaveLength(1);
    expect(messages[0]?.attachments).toEqual([
      { type: 'document', fileName: 'what do these colored bars mean?.txt', pathInExport: null },
    ]);
    expect(messages[0]?.sentAt).toBe('2024-01-01T00:00:00.000Z');
    expect(record.report.warnings.map((w) => w.code)).toContain('markup_rendered');
  });

  it('slackdump "export": metadata only, read without messages', async () => {
    const { messages, record } = await parseSet('slackdump export');
    expect(record.format).toBe('slack');
    expect(messages).toHaveLength(0);
    expect(record.report.files.find((f) => f.path === 'ref-channels.json')?.role).toBe('ignored');
    expect(record.report.files.filter((f) => f.role === 'metadata')).toHaveLength(5);
  });

  it('slackdump "source_export_dir": every day-file record, threads linked across days', async () => {
    const { messages, record } = await parseSet('slackdump source_export_dir');
    expect(messages).toHaveLength(dayRecords('slackdump source_export_dir'));
    expect(record.report).toMatchObject({ conversationCount: 1, skippedTotal: 0 });
    expect(messages[0]?.conversation).toEqual({ id: 'CO69735E8A', title: '#B75B4C7' });
    const parent = messages.find(
      (m) => m.source.byteOffset > 0 && m.text === 'dtUeWsjQpQO8 TFoFBeQ',
    );
    const replies = messages.filter((m) => m.replyTo !== null);
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies.filter((m) => m.replyTo === parent?.id)).toHaveLength(2);
    expect(messages.filter((m) => m.kind === 'system')).toHaveLength(1);
    expect(messages.find((m) => m.edited)?.sender?.id).toBe('UO0EC43A4792');
    const sorted = [...messages].map((m) => m.sentAt ?? '');
    expect([...sorted].sort()).toEqual(sorted);
  });

  it('slackdump "native_export": 9 messages, 2 users, 2 channel_join, 4 with files', async () => {
    const { messages, record } = await parseSet('slackdump native_export');
    expect(record.report.messageCount).toBe(9);
    expect(messages.filter((m) => m.kind === 'system').map((m) => m.text)).toEqual([
      '@UHSD97ZA5 has joined the channel',
      '@ULLLZ6SAH has joined the channel',
    ]);
    expect(messages.filter((m) => m.attachments.length > 0)).toHaveLength(4);
    const users = new Set(
      messages.flatMap((m) =>
        m.sender ? [m.sender.id] : (m.text.match(/@U[A-Z0-9]+/g) ?? []).map((u) => u.slice(1)),
      ),
    );
    expect(users).toEqual(new Set(['UHSD97ZA5', 'ULLLZ6SAH']));
    expect(messages[2]?.sender).toEqual({ id: 'UHSD97ZA5', name: 'Rustam Gilyazov' });
    expect(messages[0]?.conversation).toEqual({ id: 'CHY5HUESG', title: '#everyone' });
  });
});
