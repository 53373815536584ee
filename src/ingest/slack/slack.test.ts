import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { ChatscreenError, type Message } from '../../domain/index.js';
import { collectImport } from '../json/testing/collect.js';
import { folderSource } from '../json/testing/fixture-source.js';
import { memorySource } from '../json/testing/memory-source.js';
import { openExportSource } from '../sources/index.js';
import { slackImporter } from './index.js';

const workspace = resolve(import.meta.dirname, '../../../fixtures/slack/workspace');

async function zipOf(dir: string, prefix: string, target: string): Promise<void> {
  const zip = new ZipFile();
  const source = folderSource(dir);
  for (const entry of source.entries)
    zip.addBuffer(await source.head(entry, entry.size), `${prefix}${entry.path}`);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target));
}

describe('Slack workspace export (fixtures/slack/workspace)', async () => {
  const opened = await openExportSource(workspace);
  const { messages, report, variant } = await collectImport(slackImporter, opened, {
    timezone: 'Europe/London',
  });
  await opened.close();
  const byText = (prefix: string): Message => {
    const found = messages.find((m) => m.text.startsWith(prefix));
    if (found === undefined) throw new Error(`no message starting ${prefix}`);
    return found;
  };

  it('reads conversations in metadata order, day files in date order', () => {
    expect(variant).toBe('folder');
    expect([
      ...new Set(messages.map((m) => `${m.conversation.id} ${m.conversation.title}`)),
    ]).toEqual([
      'C01GENERAL #general',
      'G01LEGAL #legal-hold',
      'G02MPIM Dana, Omar Haddad, Lena & co',
      'D01DANAOMAR Dana, Omar Haddad',
    ]);
    expect(messages).toHaveLength(15);
    expect(messages.map((m) => m.source.file).slice(0, 3)).toEqual([
      'general/2024-03-30.json',
      'general/2024-03-30.json',
      'general/2024-03-30.json',
    ]);
  });

  it('renders markup to what people saw and says so in the report', () => {
    expect(messages[1]?.text).toBe('Welcome @Omar Haddad! Plan is in #random and the doc & 1 < 2');
    expect(byText('late reply').text).toBe('late reply across days @here');
    expect(byText('private channel').text).toBe('private channel message, user is @Lena & co');
    expect(report.warnings.filter((w) => w.code === 'markup_rendered')).toHaveLength(1);
  });

  const kinds: [string, Message['kind'], string | null][] = [
    ['@Omar Haddad has joined', 'system', null],
    ['thanks!', 'message', 'U02OMAR'],
    ['Incident *#42*', 'message', 'B01BOT'],
    ['whiteboard photo', 'media', 'U01DANA'],
    ['edited text (new)', 'message', 'U02OMAR'],
    ['something I regret', 'deleted', 'U02OMAR'],
    ['This message was deleted.', 'deleted', 'USLACKBOT'],
    ['@Dana set the channel topic: Ops & more', 'system', null],
    ['user missing', 'message', 'U09GONE'],
  ];
  for (const [prefix, kind, sender] of kinds) {
    it(`"${prefix}": ${kind}`, () => {
      const m = byText(prefix);
      expect(m.kind).toBe(kind);
      expect(m.sender?.id ?? null).toBe(sender);
    });
  }

  it('names senders from users.json, bots by username, unknown users from their message profile', () => {
    expect(byText('thanks!').sender?.name).toBe('Omar Haddad');
    expect(byText('Incident').sender?.name).toBe('IncidentBot');
    expect(byText('user missing').sender?.name).toBe('Former Contractor');
  });

  it('links thread replies to the parent, across day files; keeps text exact', () => {
    const parent = messages[1];
    expect(byText('thanks!').replyTo).toBe(parent?.id);
    expect(byText('thanks!').text).toBe('thanks! 👩‍👩‍👧 שלום\u200f cafe\u0301');
    expect(byText('late reply').replyTo).toBe(parent?.id);
    expect(byText('reply to a deleted parent').replyTo).toBe(
      byText('This message was deleted.').id,
    );
    expect(byText('direct message').replyTo).toBeNull();
    expect(report.warnings.map((w) => w.code)).toContain('reply_target_missing');
  });

  it('marks edits and lists files, linking those present in the export', () => {
    expect(byText('late reply').edited).toBe(true);
    expect(byText('edited text').edited).toBe(true);
    expect(byText('thanks!').edited).toBe(false);
    expect(byText('whiteboard photo').attachments).toEqual([
      { type: 'image', fileName: 'whiteboard.png', pathInExport: '__uploads/F111/whiteboard.png' },
      { type: 'other', fileName: null, pathInExport: null },
    ]);
  });

  it('gives the instant from ts and the wall clock in the case zone, across the DST change', () => {
    expect(messages[0]?.sentAt).toBe('2024-03-30T07:00:00.000Z');
    expect(messages[0]?.sentAtLocal).toBe('2024-03-30T07:00:00');
    expect(byText('late reply').sentAt).toBe('2024-03-31T01:00:00.000Z');
    expect(byText('late reply').sentAtLocal).toBe('2024-03-31T02:00:00');
  });

  it('skips the day file that is cut short, with its location, and keeps the rest', () => {
    expect(report.skipped.map((s) => [s.code, s.location?.file])).toEqual([
      ['unreadable_file', 'random/2024-04-04.json'],
    ]);
    expect(report.skipped[0]?.location?.byteOffset).toBe(
      readFileSync(join(workspace, 'random/2024-04-04.json')).length,
    );
    expect(report.files.find((f) => f.path === 'users.json')?.role).toBe('metadata');
  });

  it('gives each message the exact byte range of its JSON object', () => {
    for (const m of messages) {
      const bytes = readFileSync(join(workspace, m.source.file));
      const raw = bytes
        .subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength)
        .toString('utf8');
      expect((JSON.parse(raw) as { ts: string }).ts).toMatch(/^\d+\.\d+$/);
    }
  });

  describe('the same export as a zip with a top folder', () => {
    let dir = '';
    afterAll(async () => {
      if (dir !== '') await rm(dir, { recursive: true, force: true });
    });
    it('reads the same messages', async () => {
      dir = await mkdtemp(join(tmpdir(), 'chatscreen-slack-'));
      const zipPath = join(dir, 'Falcon Slack export Mar 30 2024 - Apr 4 2024.zip');
      await zipOf(workspace, 'Falcon Slack export/', zipPath);
      const zipped = await openExportSource(zipPath);
      expect(await slackImporter.detect(zipped)).toEqual({
        format: 'slack',
        confidence: 0.95,
        variant: 'zip',
      });
      const fromZip = await collectImport(slackImporter, zipped, { timezone: 'Europe/London' });
      await zipped.close();
      expect(
        fromZip.messages.map((m) => [m.text, m.source.byteOffset, m.source.byteLength]),
      ).toEqual(messages.map((m) => [m.text, m.source.byteOffset, m.source.byteLength]));
      expect(fromZip.messages[0]?.source.file).toBe('Falcon Slack export/general/2024-03-30.json');
    });
  });
});

describe('Slack detection and bad input', () => {
  it('says no to exports without Slack metadata, and wrong_format when forced', async () => {
    const source = memorySource({ 'a/2024-01-01.json': '[]', 'notes.txt': 'x' });
    expect(await slackImporter.detect(source)).toBeNull();
    await expect(collectImport(slackImporter, source)).rejects.toMatchObject({
      code: 'wrong_format',
    });
  });

  it('fails when no day file at all can be read', async () => {
    const source = memorySource({
      'channels.json': '[{"id":"C1","name":"g"}]',
      'users.json': '[]',
      'g/2024-01-01.json': '[{"ts":',
    });
    await expect(collectImport(slackImporter, source)).rejects.toMatchObject({
      code: 'truncated_input',
    });
  });

  it('goes on with ids when users.json is unreadable', async () => {
    const source = memorySource({
      'channels.json': '[{"id":"C1","name":"g"}]',
      'users.json': '[{"id": nope}]',
      'g/2024-01-01.json': '[{"type":"message","ts":"1.5","user":"U1","text":"<@U1>"}]',
    });
    const { messages, report } = await collectImport(slackImporter, source);
    expect(messages.map((m) => [m.sender?.name, m.text, m.sentAt])).toEqual([
      ['U1', '@U1', '1970-01-01T00:00:01.500Z'],
    ]);
    expect(report.warnings.map((w) => w.code)).toContain('unreadable_metadata');
  });

  it('throws nothing but ChatscreenError on mutated day files and metadata', async () => {
    const day = readFileSync(join(workspace, 'general/2024-03-31.json'));
    const users = readFileSync(join(workspace, 'users.json'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(),
        fc.boolean(),
        async (edits, cut, mutateUsers) => {
          const base = mutateUsers ? users : day;
          const bytes = Buffer.from(base.subarray(0, 1 + (cut % base.length)));
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const files = {
            'channels.json': '[{"id":"C1","name":"general"}]',
            'users.json': mutateUsers ? bytes : users,
            'general/2024-03-31.json': mutateUsers ? day : bytes,
          };
          try {
            await collectImport(slackImporter, memorySource(files, { chunkSize: 53 }));
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
