import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChatscreenError,
  exportIdFromSha256,
  type Message,
  messageIdFor,
} from '../domain/index.js';
import type { Digest } from '../lib/sha256.js';
import { readExport, readExportSource } from './read-export.js';
import { openExportSource } from './sources/index.js';
import type { OpenedSource } from './sources/opened-source.js';
import type { ImportContext, ImportedMessage, Importer } from './types.js';
import { whatsappImporter } from './whatsapp/index.js';

/**
 * The export id comes from the hash of the whole export. The pipeline starts hashing first and,
 * for an importer with `awaitsExportId`, starts reading while the hash runs: these tests hold
 * the hash back and check what may happen meanwhile, and what happens when it fails.
 */

const SHA = 'ab'.repeat(32);

interface HeldSource {
  source: OpenedSource;
  finish(digest: Digest): void;
  fail(error: unknown): void;
  signal(): AbortSignal | undefined;
}

function heldSource(): HeldSource {
  let finish: (digest: Digest) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  let signal: AbortSignal | undefined;
  const digest = new Promise<Digest>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const source: OpenedSource = {
    kind: 'file',
    name: 'held.txt',
    entries: [{ path: '', size: 5, open: async () => Readable.from([Buffer.from('HELD\n')]) }],
    notes: [],
    head: async () => Buffer.from('HELD\n'),
    close: async () => {},
    digest: (s) => {
      signal = s;
      return digest;
    },
    assertUnchanged: async () => {},
  };
  return { source, finish, fail, signal: () => signal };
}

function message(context: ImportContext, ordinal: number): ImportedMessage {
  return {
    id: messageIdFor(context.exportId, '', ordinal),
    sourceId: null,
    exportId: context.exportId,
    conversation: { id: 'c', title: null },
    seq: 0,
    sender: null,
    sentAt: null,
    sentAtLocal: null,
    kind: 'message',
    text: `m${ordinal}`,
    attachments: [],
    edited: false,
    replyTo: null,
    source: { file: '', byteOffset: ordinal, byteLength: 1, line: ordinal + 1 },
  };
}

/** Records its first pass, then awaits the id (when it says it can) and yields two messages. */
function importer(events: string[], awaitsExportId: boolean, failFirstPass = false): Importer {
  return {
    format: 'jsonl',
    awaitsExportId,
    detect: async () => ({ format: 'jsonl', confidence: 0.9, variant: null }),
    async *read(_source, context) {
      events.push('first pass');
      if (failFirstPass) {
        throw new ChatscreenError('wrong_format', 'not this', {
          location: { file: '', byteOffset: 0, byteLength: 0, line: 1 },
        });
      }
      if (context.exportIdKnown !== undefined) await context.exportIdKnown;
      events.push('ids');
      yield message(context, 0);
      yield message(context, 1);
    },
  };
}

const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function drain(messages: AsyncIterable<Message>): Promise<Message[]> {
  const out: Message[] = [];
  for await (const m of messages) out.push(m);
  return out;
}

describe('readExport while the export is being hashed', () => {
  it('starts an importer that awaits the id before the hash is done, with the same ids', async () => {
    const held = heldSource();
    const events: string[] = [];
    const reading = await readExportSource(held.source, {
      importers: [importer(events, true)],
    });
    expect(() => reading.exportId).toThrow(ChatscreenError);
    const messages = drain(reading.messages);
    await settled();
    expect(events).toEqual(['first pass']);
    held.finish({ sha256: SHA, byteSize: 5 });
    const read = await messages;
    const exportId = exportIdFromSha256(SHA);
    expect(events).toEqual(['first pass', 'ids']);
    expect(read.map((m) => [m.id, m.exportId, m.seq])).toEqual([
      [messageIdFor(exportId, '', 0), exportId, 0],
      [messageIdFor(exportId, '', 1), exportId, 1],
    ]);
    expect(reading.exportId).toBe(exportId);
    expect(reading.record()).toMatchObject({ id: exportId, sha256: SHA, byteSize: 5 });
  });

  it('hashes first for an importer that does not say it can wait', async () => {
    const held = heldSource();
    const events: string[] = [];
    let opened = false;
    const opening = readExportSource(held.source, { importers: [importer(events, false)] }).then(
      (r) => {
        opened = true;
        return r;
      },
    );
    await settled();
    expect(opened).toBe(false);
    held.finish({ sha256: SHA, byteSize: 5 });
    const reading = await opening;
    expect(reading.exportId).toBe(exportIdFromSha256(SHA));
    expect((await drain(reading.messages)).length).toBe(2);
  });

  it('surfaces a read error of the hash as the source reported it, with its location', async () => {
    const held = heldSource();
    const reading = await readExportSource(held.source, {
      importers: [importer([], true)],
    });
    const error = new ChatscreenError('internal', 'could not read the export (EIO)', {
      location: { file: '', byteOffset: 0, byteLength: 0, line: null },
    });
    held.fail(error);
    await expect(drain(reading.messages)).rejects.toBe(error);
  });

  it('stops the hash when the import fails, stops early or is closed', async () => {
    const failing = heldSource();
    const reading = await readExportSource(failing.source, {
      importers: [importer([], true, true)],
    });
    await expect(drain(reading.messages)).rejects.toMatchObject({ code: 'wrong_format' });
    expect(failing.signal()?.aborted).toBe(true);

    const early = heldSource();
    const partial = await readExportSource(early.source, { importers: [importer([], true)] });
    const pending = (async () => {
      for await (const _ of partial.messages) break;
    })();
    early.finish({ sha256: SHA, byteSize: 5 });
    await pending;
    expect(early.signal()?.aborted).toBe(true);

    const unread = heldSource();
    const closed = await readExportSource(unread.source, { importers: [importer([], true)] });
    expect(unread.signal()?.aborted).toBe(false);
    await closed.close();
    expect(unread.signal()?.aborted).toBe(true);
  });
});

describe('readExport on a large WhatsApp export (hashed on a worker thread)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chatscreen-read-export-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // Past the 16 MiB from which the hash moves off the main thread.
  const line = '23/02/2021, 14:05 - Ana: a message with ümlauts and ✓ marks\n';
  const big = Buffer.from(line.repeat(Math.ceil((17 * 1024 * 1024) / Buffer.byteLength(line))));

  it('gives the ids of the whole file hash', async () => {
    const path = join(dir, 'WhatsApp Chat with Ana.txt');
    await writeFile(path, big);
    const reading = await readExport(path, { timezone: 'UTC', importers: [whatsappImporter] });
    let count = 0;
    let last: Message | null = null;
    for await (const m of reading.messages) {
      count += 1;
      last = m;
    }
    const sha256 = createHash('sha256').update(big).digest('hex');
    const exportId = exportIdFromSha256(sha256);
    expect(reading.record()).toMatchObject({ id: exportId, sha256, byteSize: big.length });
    expect(last?.id).toBe(messageIdFor(exportId, '', count - 1));
  });

  it('reports a file it cannot hash as an error located at that file', async () => {
    const folder = join(dir, 'folder');
    await mkdir(folder);
    await writeFile(join(folder, 'WhatsApp Chat with Ana.txt'), big);
    await writeFile(join(folder, 'IMG-20210203-WA0001.jpg'), 'jpeg');
    const source = await openExportSource(folder);
    // Gone after the folder was listed: the hash cannot read it.
    await rm(join(folder, 'IMG-20210203-WA0001.jpg'));
    const reading = await readExportSource(source, {
      timezone: 'UTC',
      importers: [whatsappImporter],
    });
    await expect(drain(reading.messages)).rejects.toMatchObject({
      code: 'not_found',
      location: { file: 'IMG-20210203-WA0001.jpg' },
    });
  });
});
