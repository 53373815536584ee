import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { corpusAvailable, corpusPath } from './shared-exports.js';
import { CHECKED } from './sms.files.js';

/**
 * PROVENANCE.md: "Memacs sms_test.py: 4 <sms> entries (1 received type=1, 3 sent type=2), each
 * asserted for direction/number/time". The expectations below restate Memacs's per-entry checks.
 */
const EXPECTED: Record<
  string,
  { address: string; received: boolean; sentAt: string; text: string }[]
> = {
  'sms/memacs__smsxml.xml': [
    {
      address: '+436812314123',
      received: true,
      sentAt: '2011-08-04T10:05:53.000Z',
      text: 'did you see the new sms memacs module?',
    },
    {
      address: '+43612341234',
      received: false,
      sentAt: '2011-08-04T16:04:55.759Z',
      text: 'Memacs FTW!',
    },
    {
      address: '+43612341238',
      received: false,
      sentAt: '2011-08-04T20:25:50.928Z',
      text: 'i like memacs',
    },
    {
      address: '+4312341234',
      received: false,
      sentAt: '2011-08-05T18:32:01.554Z',
      text: 'http://google.at',
    },
  ],
};

describe.skipIf(!corpusAvailable)('conformance: SMS Backup & Restore', () => {
  it('PROVENANCE.md states the counts checked here', () => {
    const provenance = readFileSync(corpusPath('sms/PROVENANCE.md'), 'utf8');
    expect(provenance).toMatch(/4 <sms> entries \(1 received type=1, 3 sent type=2\)/);
  });

  it.each(CHECKED.filter((f) => f.role === 'export').map((f) => f.path))('%s', async (path) => {
    const expected = EXPECTED[path] ?? [];
    const bytes = readFileSync(corpusPath(path));
    const { messages, record } = await parseExportToArray(corpusPath(path), {
      timezone: 'Europe/Vienna',
    });
    expect(record.format).toBe('sms');
    expect(record.report).toMatchObject({
      messageCount: 4,
      skippedTotal: 0,
      warningsTotal: 0,
      conversationCount: 4,
    });
    expect(messages.filter((m) => m.sender?.id !== 'me')).toHaveLength(1);
    expect(messages.filter((m) => m.sender?.id === 'me')).toHaveLength(3);
    for (const [i, m] of messages.entries()) {
      const e = expected[i];
      expect(m.conversation.id).toBe(`sms:${e?.address}`);
      expect(m.conversation.title).toBe(e?.address);
      expect(m.sender).toEqual(
        e?.received ? { id: `tel:${e.address}`, name: e.address } : { id: 'me', name: 'me' },
      );
      expect(m.sentAt).toBe(e?.sentAt);
      expect(m.text).toBe(e?.text);
      const raw = bytes
        .subarray(m.source.byteOffset, m.source.byteOffset + m.source.byteLength)
        .toString('utf8');
      expect(raw).toMatch(new RegExp(`^<sms protocol="0" address="\\${e?.address}".*/>$`));
      expect(m.source.line).toBe(i + 3);
    }
    // Vienna is two hours ahead in August.
    expect(messages[0]?.sentAtLocal).toBe('2011-08-04T12:05:53');
  });
});
