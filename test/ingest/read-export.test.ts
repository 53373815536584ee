import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChatscreenError, exportIdFromSha256 } from '../../src/domain/index.js';
import { parseExportToArray, readExport } from '../../src/ingest/read-export.js';
import { fakeImporter } from './helpers/fake-importer.js';
import { refusal } from './helpers/refusal.js';
import { useScratchDir, writeScratch } from './helpers/tmp.js';

const scratch = useScratchDir();

const importers = [fakeImporter('jsonl', 'FAKE', 0.9), fakeImporter('csv', 'FAKE', 0.5)];
const body =
  'FAKE\na|2024-01-01T10:00:00.000Z|one\nb|2024-01-01T09:00:00.000Z|two\na|2024-01-01T09:30:00.000Z|three\n';

describe('readExport', () => {
  it('picks the most confident importer, numbers messages and builds the record', async () => {
    const path = await writeScratch(scratch.dir, 'export.fake', body);
    const { messages, record } = await parseExportToArray(path, {
      importers,
      timezone: 'Europe/London',
    });
    const sha256 = createHash('sha256').update(body).digest('hex');
    expect(messages.map((m) => [m.seq, m.text])).toEqual([
      [0, 'one'],
      [1, 'two'],
      [2, 'three'],
    ]);
    expect(messages.every((m) => m.exportId === exportIdFromSha256(sha256))).toBe(true);
    expect(record).toMatchObject({
      id: exportIdFromSha256(sha256),
      sha256,
      byteSize: Buffer.byteLength(body),
      fileName: 'export.fake',
      format: 'jsonl',
      variant: 'fake',
      timezone: 'Europe/London',
      dateOrder: null,
      textNormalisation: 'none',
    });
    expect(record.report).toMatchObject({
      messageCount: 3,
      conversationCount: 2,
      participantCount: 1,
      // b's message is earlier than a's first but in another conversation; a's second is earlier.
      outOfOrder: 1,
    });
    expect(record.report.countsByKind.message).toBe(3);
    expect(record.report.warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['out_of_order', 4],
    ]);
  });

  it('reads UTC when no zone is given, and says so', async () => {
    const path = await writeScratch(scratch.dir, 'export.fake', body);
    const { record } = await parseExportToArray(path, { importers });
    expect(record.timezone).toBe('UTC');
    expect(record.report.warnings.map((w) => w.code)).toContain('timezone_assumed');
  });

  it('uses a given export id and still hashes the bytes', async () => {
    const path = await writeScratch(scratch.dir, 'export.fake', body);
    const { messages, record } = await parseExportToArray(path, { importers, exportId: 'case-7' });
    expect(messages[0]?.exportId).toBe('case-7');
    expect(record.id).toBe('case-7');
    expect(record.sha256).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('refuses ties, unknown files, empty files and BOM-only files with unrecognised_format', async () => {
    const tied = [fakeImporter('jsonl', 'FAKE', 0.5), fakeImporter('csv', 'FAKE', 0.5)];
    const tie = await refusal(
      readExport(await writeScratch(scratch.dir, 't.fake', body), { importers: tied }),
    );
    expect(tie.code).toBe('unrecognised_format');
    expect(tie.message).toMatch(/jsonl and csv/);
    expect(tie.option).toBe('--format');
    const unknown = await refusal(
      readExport(await writeScratch(scratch.dir, 'u.bin', 'junk'), { importers }),
    );
    expect(unknown.message).toMatch(/tried: jsonl, csv/);
    const empty = await refusal(
      readExport(await writeScratch(scratch.dir, 'e.txt', ''), { importers }),
    );
    expect(empty.message).toMatch(/empty/);
    const bom = await refusal(
      readExport(await writeScratch(scratch.dir, 'b.txt', '\ufeff'), { importers }),
    );
    expect(bom.message).toMatch(/byte-order mark/);
  });

  it('checks a forced format against the export', async () => {
    const path = await writeScratch(scratch.dir, 'export.fake', body);
    const forced = await parseExportToArray(path, { importers, format: 'csv' });
    expect(forced.record.format).toBe('csv');
    const wrong = await refusal(
      readExport(path, { importers: [...importers, fakeImporter('sms', '<?xml')], format: 'sms' }),
    );
    expect(wrong.code).toBe('wrong_format');
    expect(wrong.message).toMatch(/looks like jsonl or csv/);
    const missing = await refusal(readExport(path, { importers, format: 'slack' }));
    expect(missing.code).toBe('invalid_option');
  });

  it('refuses an unknown time zone before reading anything', async () => {
    const error = await refusal(
      readExport('/nonexistent', { importers, timezone: 'Mars/Olympus' }),
    );
    expect(error.code).toBe('invalid_option');
    expect(error.option).toBe('--tz');
  });

  it('turns an importer bug into an internal ChatscreenError', async () => {
    const buggy = fakeImporter('jsonl', 'FAKE', 0.9, () => {
      throw new TypeError('boom with message text');
    });
    const path = await writeScratch(scratch.dir, 'export.fake', body);
    const error = await refusal(parseExportToArray(path, { importers: [buggy] }));
    expect(error.code).toBe('internal');
    expect(error.message).not.toMatch(/message text/);
  });

  it('has a record only once every message is read', async () => {
    const path = await writeScratch(scratch.dir, 'export.fake', body);
    const reading = await readExport(path, { importers });
    expect(() => reading.record()).toThrow(ChatscreenError);
    for await (const _ of reading.messages) break;
    expect(() => reading.record()).toThrow(ChatscreenError);
    expect(reading.report().messageCount).toBe(1);
  });
});
