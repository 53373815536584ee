import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChatscreenError, type DateOrder } from '../../domain/index.js';
import { openExportSource } from '../sources/index.js';
import type { ImportedMessage } from '../types.js';
import { preparedBlocks } from './prepared-blocks.js';
import { readWhatsApp } from './read.js';
import { testContext } from './testing.js';

/**
 * The second pass's lines are prepared on a worker thread for large files on disk and on the
 * calling thread otherwise: both must give the same messages, report and errors. Here the
 * threshold is lowered so that every WhatsApp file we have is read both ways.
 */
const FIXTURES = join(import.meta.dirname, '../../../fixtures/whatsapp');
const SHARED = join(import.meta.dirname, '../../../../shared/exports/whatsapp');

function chatFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(path);
    else if (name.endsWith('.txt') || name.endsWith('.zip')) out.push(path);
  }
  return out;
}

interface Outcome {
  messages: ImportedMessage[];
  report: unknown;
  error: string | null;
}

async function readBothWays(path: string, dateOrder: DateOrder | null): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const offThreadFromBytes of [Number.POSITIVE_INFINITY, 0]) {
    const source = await openExportSource(path);
    const context = testContext({ timezone: 'Europe/London', dateOrder });
    const messages: ImportedMessage[] = [];
    let error: string | null = null;
    try {
      const reading = readWhatsApp(source, context, {
        prepareOffThreadFromBytes: offThreadFromBytes,
      });
      for await (const m of reading) messages.push(m);
    } catch (e) {
      if (!(e instanceof ChatscreenError)) throw e;
      error = `${e.code}: ${e.message}`;
    } finally {
      await source.close();
    }
    outcomes.push({ messages, report: context.report.build(), error });
  }
  return outcomes;
}

describe('lines prepared on a worker thread', () => {
  const files = [...chatFiles(FIXTURES), ...chatFiles(SHARED)];

  it('finds the files it compares', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('give the same messages, report and errors as lines prepared here, for every file', async () => {
    let compared = 0;
    for (const path of files) {
      for (const order of [null, 'dmy'] as const) {
        const [here, worker] = await readBothWays(path, order);
        expect(worker, path).toEqual(here);
        compared += here?.messages.length ?? 0;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);

  it('stops the worker when the reader stops early', async () => {
    const path = join(FIXTURES, 'android-en-group');
    const files = chatFiles(path);
    expect(files.length).toBeGreaterThan(0);
    const source = await openExportSource(path);
    const reading = readWhatsApp(source, testContext(), { prepareOffThreadFromBytes: 0 });
    for await (const _ of reading) break;
    await source.close();
  });

  it('names a chat file that cannot be read', async () => {
    const blocks = preparedBlocks(
      {
        path: 'chat.txt',
        size: 1,
        filePath: '/nonexistent/chat.txt',
        open: async () => {
          throw new Error('not used');
        },
      },
      { maxLineBytes: 1024, offThreadFromBytes: 0 },
    );
    const error = await blocks.next().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChatscreenError);
    expect((error as ChatscreenError).code).toBe('not_found');
    expect((error as ChatscreenError).location?.file).toBe('chat.txt');
  });
});
