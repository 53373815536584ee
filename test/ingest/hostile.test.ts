import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/domain/index.js';
import { IMPORTERS } from '../../src/ingest/registry.js';
import { singleFileFixtures } from './helpers/format-fixtures.js';
import { memorySource, syntheticSource } from './helpers/memory-source.js';
import { type Outcome, outcomeOf } from './helpers/outcome.js';

/**
 * Hostile input, across every registered format: whatever the bytes, the result is messages with
 * a report, or a ChatscreenError with a code other than `internal`. Never a crash, a hang or a
 * silent loss. Zip-level attacks (bombs, traversal) are in hostile-archives.test.ts.
 */
const fixtures = singleFileFixtures();
const registered = IMPORTERS.map((i) => i.format);
/** Formats whose syntax closes what it opens, so a cut inside a record can always be noticed. */
const STRUCTURED = new Set<ExportFormat>(['sms', 'telegram', 'discord', 'slack', 'messenger']);

function noticed(outcome: Outcome): boolean {
  return (
    !outcome.ok || outcome.record.report.skippedTotal + outcome.record.report.warningsTotal > 0
  );
}

function issues(outcome: Outcome): { code: string; hasLocation: boolean }[] {
  if (!outcome.ok)
    return [{ code: outcome.error.code, hasLocation: outcome.error.location !== null }];
  return [...outcome.record.report.skipped, ...outcome.record.report.warnings].map((i) => ({
    code: i.code,
    hasLocation: i.location !== null,
  }));
}

describe.each(fixtures)('$format fixture under attack', ({ format, path }) => {
  const bytes = readFileSync(path);
  const name = basename(path);
  let baseline = 0;

  beforeAll(async () => {
    const outcome = await outcomeOf(memorySource(bytes, name), { format });
    if (!outcome.ok) throw outcome.error;
    baseline = outcome.messages.length;
  });

  it.each([0.05, 0.2, 0.37, 0.5, 0.63, 0.8, 0.95, 0.999])(
    'truncated at %f of its length',
    async (fraction) => {
      const cut = bytes.subarray(0, Math.floor(bytes.length * fraction));
      const outcome = await outcomeOf(memorySource(cut, name), { format });
      if (outcome.ok) expect(outcome.messages.length).toBeLessThanOrEqual(baseline);
      if (STRUCTURED.has(format)) expect(noticed(outcome)).toBe(true);
    },
  );

  it('truncated inside a multi-byte character', async () => {
    const text = bytes.toString('latin1');
    const at = [...text].findIndex((c, i) => i > bytes.length / 3 && c.charCodeAt(0) >= 0xc2);
    const cut = bytes.subarray(0, at < 0 ? bytes.length - 1 : at + 1);
    const outcome = await outcomeOf(memorySource(cut, name), { format });
    if (STRUCTURED.has(format)) expect(noticed(outcome)).toBe(true);
  });

  it('split into 7-byte chunks reads the same', async () => {
    const whole = await outcomeOf(memorySource(bytes, name), { format });
    const chunked = await outcomeOf(memorySource(bytes, name, 7), { format });
    expect(chunked).toEqual(whole);
  });

  it('with bytes that are not UTF-8 in the middle: an error or an issue, with a location', async () => {
    const middle = bytes.indexOf(0x20, Math.floor(bytes.length / 2));
    const broken = Buffer.concat([
      bytes.subarray(0, middle),
      Buffer.from([0xff, 0xc3, 0x28]),
      bytes.subarray(middle),
    ]);
    const outcome = await outcomeOf(memorySource(broken, name), { format });
    const about = issues(outcome).filter((i) => /utf|encoding|unicode/i.test(i.code));
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((i) => i.hasLocation)).toBe(true);
  });

  it.each(EXPORT_FORMATS.filter((f) => f !== format && registered.includes(f)))(
    'forced as %s',
    async (other) => {
      const outcome = await outcomeOf(memorySource(bytes, name), { format: other });
      expect(outcome.ok ? 'read' : outcome.error.code).toBe('wrong_format');
    },
  );
});

describe('junk and emptiness', () => {
  // A fixed pseudo-random stream, so a failure can be reproduced.
  let seed = 42;
  const junk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < junk.length; i += 1) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    junk[i] = seed >> 16;
  }

  it('binary junk is unrecognised, and wrong for every forced format', async () => {
    const auto = await outcomeOf(memorySource(junk, 'junk.bin'));
    expect(auto.ok ? 'read' : auto.error.code).toBe('unrecognised_format');
    for (const format of registered) {
      const forced = await outcomeOf(memorySource(junk, 'junk.bin'), { format });
      expect(forced.ok ? 'read' : forced.error.code).toBe('wrong_format');
    }
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a BOM-only file', Buffer.from([0xef, 0xbb, 0xbf]), /byte-order mark/],
    ['white space only', Buffer.from(' \r\n\t\n'), /white space/],
    ['a UTF-16 BOM only', Buffer.from([0xff, 0xfe]), /byte-order mark/],
  ])('%s is unrecognised, and says why', async (_label, bytes, reason) => {
    const outcome = await outcomeOf(memorySource(bytes, 'empty.txt'));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('unrecognised_format');
      expect(outcome.error.message).toMatch(reason);
    }
  });
});

/**
 * A 2 GB line, generated as it is read and never written anywhere. Each format gets a valid
 * start, then one field that never ends. The import must refuse or skip it with its location,
 * without holding it: peak memory is sampled while the bytes are produced.
 */
const TWO_GB = 2 * 1024 ** 3;
const PREFIXES: Partial<Record<ExportFormat, string>> = {
  sms: `<?xml version='1.0' encoding='UTF-8'?>\n<smses count="1">\n<sms address="+1" date="1700000000000" type="1" body="`,
  csv: 'id,text\n1,',
  jsonl: '{"id":"0","text":"first"}\n{"id":"1","text":"',
  whatsapp: '01/02/2024, 10:00 - Ana: hello\n01/02/2024, 10:01 - Ben: ',
  telegram:
    '{\n "name": "Chat",\n "type": "personal_chat",\n "id": 1,\n "messages": [\n  {\n   "id": 1,\n   "type": "message",\n   "date": "2024-01-01T00:00:00",\n   "date_unixtime": "1704067200",\n   "from": "Ana",\n   "from_id": "user1",\n   "text": "',
  discord:
    '{\n  "guild": {"id": "1", "name": "G"},\n  "channel": {"id": "2", "type": "GuildTextChat", "name": "c"},\n  "messages": [\n    {\n      "id": "3",\n      "type": "Default",\n      "timestamp": "2024-01-01T00:00:00+00:00",\n      "author": {"id": "4", "name": "a"},\n      "content": "',
};

function twoGigabyteLine(prefix: string, peak: { rss: number; pulled: number }): Readable {
  const block = Buffer.alloc(1024 * 1024, 'a');
  let sent = 0;
  return Readable.from(
    (function* () {
      yield Buffer.from(prefix);
      while (sent < TWO_GB) {
        sent += block.length;
        peak.pulled = sent;
        peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
        yield block;
      }
    })(),
  );
}

describe('a 2 GB single line', () => {
  const cases = registered.filter((f) => PREFIXES[f] !== undefined);
  it.each(cases)(
    '%s: refused or skipped with a location, never buffered',
    async (format) => {
      const prefix = PREFIXES[format] ?? '';
      const before = process.memoryUsage.rss();
      const peak = { rss: before, pulled: 0 };
      const source = syntheticSource(prefix.length + TWO_GB, () => twoGigabyteLine(prefix, peak));
      const outcome = await outcomeOf(source, { format, exportId: 'x_test' });
      expect(peak.rss - before).toBeLessThan(512 * 1024 ** 2);
      const found = issues(outcome).filter((i) => i.code !== 'timezone_assumed');
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((i) => i.hasLocation)).toBe(true);
    },
    180_000,
  );
});
