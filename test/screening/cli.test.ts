import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/domain/index.js';
import { IMPORTERS } from '../../src/ingest/registry.js';
import { buildTinyHfPackage } from './fixtures/tiny-hf.js';

const repoRoot = join(import.meta.dirname, '../..');
let dir = '';
let models = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chatscreen-cli-'));
  models = join(dir, 'models');
  await buildTinyHfPackage(join(models, 'tiny'), { id: 'tiny' });
  await writeFile(join(models, 'DEFAULT'), 'tiny\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function withDefaults([command = '', input = '', ...rest]: string[]): string[] {
  return [command, input, '--models-dir', models, '--workers', '2', ...rest];
}

/** The real CLI as a child process, from source. */
function chatscreen(args: string[], stopAfterFirstChunk = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // Defaults first: a repeated option's last value wins, so a test can override them.
      ['--import', 'tsx', 'src/cli/entry.ts', ...withDefaults(args)],
      { cwd: repoRoot },
    );
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

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const CSV = [
  'id,text,sender',
  'm-1,"You are an IDIOT!",Ana',
  'm-2,"see you tomorrow 👍",Ben',
  '7,"🙂 you idiots, i hate Muslims.",Ana',
  '',
].join('\n');

describe('chatscreen screen', () => {
  it('writes one flag per span with exact offsets, the input ids and the model', async () => {
    const input = join(dir, 'chat.csv');
    await writeFile(input, CSV);
    const run = await chatscreen(['screen', input]);
    expect(run.stderr).not.toMatch(/^chatscreen: /m);
    expect(run.code).toBe(0);
    const flags = lines(run.stdout);
    const message3 = '🙂 you idiots, i hate Muslims.';
    expect(flags.map((f) => [f.messageId, f.start, f.end, f.text, f.category])).toEqual([
      ['m-1', 11, 16, 'IDIOT', 'insult'],
      ['7', 7, 13, 'idiots', 'insult'],
      ['7', 17, 29, 'hate Muslims', 'religion'],
    ]);
    expect(message3.slice(7, 13)).toBe('idiots');
    for (const flag of flags) {
      expect(flag.model).toEqual({ id: 'tiny', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(flag.score).toBeGreaterThan(0.5);
    }
    const summary = JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '') as {
      model: { id: string };
      export: { format: string; report: { messageCount: number } };
    };
    expect(summary).toMatchObject({
      model: { id: 'tiny' },
      export: { format: 'csv', report: { messageCount: 3 } },
    });
  });

  it('applies --min-score', async () => {
    const input = join(dir, 'min.csv');
    await writeFile(input, CSV);
    const run = await chatscreen(['screen', input, '--min-score', '0.99']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['an unknown model', ['--model', 'nope'], /^chatscreen: model_not_found: /m],
    ['a --min-score out of range', ['--min-score', '1.5'], /^chatscreen: invalid_option: /m],
    ['a bad --workers', ['--workers', 'two'], /^chatscreen: invalid_option: /m],
  ])('exits 2 with a one-line reason for %s', async (_name, extra, reason) => {
    const input = join(dir, 'usage.csv');
    await writeFile(input, CSV);
    const run = await chatscreen(['screen', input, ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
  });

  it('exits 2 on input it cannot read', async () => {
    const input = join(dir, 'junk.bin');
    await writeFile(input, 'not a chat export at all');
    const run = await chatscreen(['screen', input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^chatscreen: unrecognised_format: /m);
  });

  it('exits 2 on a tampered model package', async () => {
    const tampered = join(dir, 'tampered-models');
    await buildTinyHfPackage(join(tampered, 'tiny'), { id: 'tiny' });
    await writeFile(join(tampered, 'tiny', 'config.json'), '{}');
    const input = join(dir, 'ok.csv');
    await writeFile(input, CSV);
    const run = await chatscreen(['screen', input, '--models-dir', tampered]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/model_package_invalid: "config\.json" has \d+ bytes/);
  });

  it('stops quietly when the reader goes away (stdout closed)', async () => {
    const input = join(dir, 'big.csv');
    const rows = Array.from({ length: 6000 }, (_, i) => `${i},"you idiot number ${i}, you moron"`);
    await writeFile(input, ['id,text', ...rows, ''].join('\n'));
    const run = await chatscreen(['screen', input], true);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/^chatscreen: /m);
  });

  const jsonl = IMPORTERS.some((importer) => importer.format === 'jsonl');
  it.skipIf(!jsonl)('keeps the JSONL input ids as messageId', async () => {
    const input = join(dir, 'chat.jsonl');
    await writeFile(
      input,
      '{"id":"abc-1","text":"you idiot"}\n{"id":42,"text":"hello friend"}\n{"id":"z","text":"moron"}\n',
    );
    const run = await chatscreen(['screen', input]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((f) => [f.messageId, f.text])).toEqual([
      ['abc-1', 'idiot'],
      ['z', 'moron'],
    ]);
    const scores = await chatscreen(['score', input]);
    expect(lines(scores.stdout).map((s) => s.messageId)).toEqual(['abc-1', '42', 'z']);
  });
});

describe('chatscreen score', () => {
  it('writes one line per message with every category and any', async () => {
    const input = join(dir, 'score.csv');
    await writeFile(input, CSV);
    const run = await chatscreen(['score', input]);
    expect(run.code).toBe(0);
    const scored = lines(run.stdout) as { messageId: string; scores: Record<string, number> }[];
    expect(scored.map((s) => s.messageId)).toEqual(['m-1', 'm-2', '7']);
    expect(Object.keys(scored[0]?.scores ?? {})).toEqual([...CATEGORIES, 'any']);
    expect(scored[0]?.scores.insult).toBeGreaterThan(0.9);
    expect(scored[1]?.scores.insult).toBeLessThan(0.5);
  });
});
