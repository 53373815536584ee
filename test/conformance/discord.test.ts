import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/domain/index.js';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { CHECKED } from './discord.files.js';
import { corpusAvailable, corpusPath } from './shared-exports.js';

/** The record's own `id`, read from its bytes: what `sourceId` must be. */
function idInBytes(path: string, m: Message): string {
  const bytes = readFileSync(corpusPath(path));
  const raw = bytes
    .subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength)
    .toString('utf8');
  return (JSON.parse(raw) as { id: string }).id;
}

describe.skipIf(!corpusAvailable)('conformance: DiscordChatExporter', () => {
  it('PROVENANCE.md states the counts checked here', () => {
    const provenance = readFileSync(corpusPath('discord/PROVENANCE.md'), 'utf8');
    expect(provenance).toContain(
      '5 records (expectedDatabase msgCount 5), 2 authors (one "Deleted User"); 1 edited',
    );
    expect(provenance).toContain('NOT a DiscordChatExporter file');
  });

  const exports = CHECKED.filter((f) => f.role === 'export').map((f) => f.path);
  it.each(exports)(
    '%s: 5 records, 2 authors (one "Deleted User"), 1 edited message, attachments and stickers',
    async (path) => {
      const { messages, record } = await parseExportToArray(corpusPath(path), { timezone: 'UTC' });
      expect(record.format).toBe('discord');
      expect(record.variant).toBe('json');
      expect(record.report).toMatchObject({
        messageCount: 5,
        participantCount: 2,
        skippedTotal: 0,
      });
      expect([...new Set(messages.map((m) => m.sender?.name))]).toEqual(['Deleted User', 'mlomb']);
      // The file repeats the edited message's record twice (same Discord id): one edited message.
      const edited = messages.filter((m) => m.edited);
      expect(new Set(edited.map((m) => m.sourceId))).toEqual(new Set(['459136077417021488']));
      for (const m of messages) expect(m.sourceId).toBe(idInBytes(path, m));
      expect(new Set(messages.map((m) => m.id)).size).toBe(5);
      // "The author of this message does not have the nickname property, and should fallback to use name."
      expect(messages[2]?.sender).toEqual({ id: '111111111111111111', name: 'mlomb' });
      expect(messages[3]?.kind).toBe('media');
      expect(messages[3]?.attachments).toEqual([
        { type: 'image', fileName: 'unknown.png', pathInExport: null },
        { type: 'sticker', fileName: '809207919115239525.png', pathInExport: null },
      ]);
      expect(messages[0]?.sentAt).toBe('2018-05-20T16:09:44.209Z');
      expect(messages[0]?.conversation).toEqual({
        id: '253601524398293010',
        title: 'DefleMask / Chat / general-chiptune',
      });
      console.info(
        `conformance discord: ${path}: auto-detected discord/json, 5 records checked against PROVENANCE.md`,
      );
    },
  );

  const refused = CHECKED.filter((f) => f.role === 'not-an-export').map((f) => f.path);
  it.each(refused)(
    '%s: text copied from the Discord client is refused, not misparsed',
    async (path) => {
      await expect(parseExportToArray(corpusPath(path))).rejects.toMatchObject({
        code: 'unrecognised_format',
      });
      await expect(
        parseExportToArray(corpusPath(path), { format: 'discord' }),
      ).rejects.toMatchObject({ code: 'wrong_format' });
      console.info(
        `conformance discord: ${path}: refused (unrecognised_format; wrong_format when --format discord)`,
      );
    },
  );
});
