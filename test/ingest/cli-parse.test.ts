import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDir, writeScratch } from './helpers/tmp.js';

const repoRoot = join(import.meta.dirname, '../..');
const fixture = join(repoRoot, 'fixtures/sms/backup.xml');

const scratch = useScratchDir();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI as a child process, from source, with a TZ that must not matter. */
function chatscreen(args: string[], stopAfterFirstChunk = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, TZ: 'America/Los_Angeles' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stopAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('chatscreen parse', () => {
  it('writes one JSON message per line and the export record on stderr', async () => {
    const run = await chatscreen(['parse', fixture, '--tz', 'Europe/London']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    const first = JSON.parse(lines[0] ?? '') as { seq: number; text: string; sentAtLocal: string };
    expect(first.seq).toBe(0);
    expect(first.text).toBe('Are you coming tonight? \u{1F600}');
    const record = JSON.parse(run.stderr) as {
      sha256: string;
      format: string;
      timezone: string;
      report: { messageCount: number };
    };
    expect(record.sha256).toBe(createHash('sha256').update(readFileSync(fixture)).digest('hex'));
    expect(record).toMatchObject({
      format: 'sms',
      timezone: 'Europe/London',
      report: { messageCount: 9 },
    });
  });

  it('defaults to UTC whatever TZ says, and notes it in the report', async () => {
    const run = await chatscreen(['parse', fixture]);
    expect(run.code).toBe(0);
    const first = JSON.parse(run.stdout.split('\n')[0] ?? '') as { sentAtLocal: string };
    expect(first.sentAtLocal).toBe('2024-03-13T09:10:00');
    expect(run.stderr).toContain('"timezone_assumed"');
  });

  it.each([
    ['an unrecognised file', ['parse', 'JUNK'], /^chatscreen: unrecognised_format: .*tried: /],
    [
      'a format that does not match',
      ['parse', fixture, '--format', 'telegram'],
      /^chatscreen: wrong_format: .*looks like sms/,
    ],
    [
      'an unknown zone',
      ['parse', fixture, '--tz', 'Mars/Olympus'],
      /^chatscreen: invalid_option: .*; set --tz$/,
    ],
    ['a missing file', ['parse', '/nonexistent/chat.txt'], /^chatscreen: not_found: /],
    ['an unknown --format', ['parse', fixture, '--format', 'icq'], /argument 'icq' is invalid/],
  ])('exits 2 with one line for %s', async (_label, args, reason) => {
    const junk = await writeScratch(scratch.dir, 'junk.bin', Buffer.from([0, 1, 2, 3, 255, 254]));
    const run = await chatscreen(args.map((a) => (a === 'JUNK' ? junk : a)));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(reason);
  });

  it('stops quietly when the reader goes away (| head)', async () => {
    const sms = Array.from(
      { length: 20_000 },
      (_, i) =>
        `<sms address="+1555000${i % 50}" date="${1700000000000 + i * 1000}" type="${(i % 2) + 1}" body="message number ${i}" />`,
    );
    const path = await writeScratch(
      scratch.dir,
      'big.xml',
      `<?xml version='1.0' encoding='UTF-8'?>\n<smses count="20000">\n${sms.join('\n')}\n</smses>\n`,
    );
    const run = await chatscreen(['parse', path], true);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/internal error|EPIPE/);
  });
});
