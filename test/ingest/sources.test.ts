import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, DeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { openExportSource } from '../../src/ingest/sources/index.js';
import { buildRawZip } from './helpers/raw-zip.js';
import { refusal } from './helpers/refusal.js';
import { useScratchDir, writeScratch } from './helpers/tmp.js';

const scratch = useScratchDir();

const sha = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function yazlZip(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith('/')) zip.addEmptyDirectory(name);
    else zip.addBuffer(Buffer.from(content), name);
  }
  zip.end();
  return readAll(zip.outputStream);
}

/** Deflates `size` zero bytes without ever holding them: the shape of a zip bomb's payload. */
async function deflatedZeros(size: number): Promise<Buffer> {
  const raw = new DeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  raw.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => raw.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += block.length) {
    if (!raw.write(block.subarray(0, Math.min(block.length, size - written)))) {
      await new Promise((resolve) => raw.once('drain', resolve));
    }
  }
  raw.end();
  await done;
  return Buffer.concat(out);
}

describe('single files', () => {
  it('reads a file as one entry with an empty path and hashes the original bytes', async () => {
    const path = await writeScratch(scratch.dir, 'chat.txt', 'hello\n');
    const source = await openExportSource(path);
    expect(source.kind).toBe('file');
    expect(source.name).toBe('chat.txt');
    expect(source.entries.map((e) => [e.path, e.size])).toEqual([['', 6]]);
    const entry = source.entries[0];
    if (entry === undefined) throw new Error('no entry');
    expect((await source.head(entry, 3)).toString()).toBe('hel');
    expect(await source.digest()).toEqual({ sha256: sha('hello\n'), byteSize: 6 });
    await source.assertUnchanged();
  });

  it('recognises a zip by its bytes, not its name', async () => {
    const zipped = await yazlZip({ 'a.txt': 'A' });
    const source = await openExportSource(
      await writeScratch(scratch.dir, 'looks-like.txt', zipped),
    );
    expect(source.kind).toBe('zip');
    const notZip = await openExportSource(await writeScratch(scratch.dir, 'fake.zip', 'not a zip'));
    expect(notZip.kind).toBe('file');
  });

  it('says when the path does not exist', async () => {
    const error = await refusal(openExportSource(join(scratch.dir, 'missing.txt')));
    expect(error.code).toBe('not_found');
  });

  it('notices a file rewritten while it was read', async () => {
    const path = await writeScratch(scratch.dir, 'changing.txt', 'one');
    const source = await openExportSource(path);
    await writeFile(path, 'two, longer');
    expect((await refusal(source.assertUnchanged())).code).toBe('malformed_input');
  });

  it('refuses a FIFO instead of blocking on it', async () => {
    const fifo = join(scratch.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect((await refusal(openExportSource(fifo))).code).toBe('unrecognised_format');
  });
});

describe('folders', () => {
  it('walks recursively in byte order and computes the canonical digest', async () => {
    const root = join(scratch.dir, 'export');
    await mkdir(join(root, 'b', 'c'), { recursive: true });
    await writeFile(join(root, 'b', 'c', 'deep.json'), '[]');
    await writeFile(join(root, 'a.json'), '{}');
    await writeFile(join(root, 'B.json'), 'x');
    await writeFile(join(root, 'é.txt'), 'e');
    const source = await openExportSource(root);
    expect(source.kind).toBe('directory');
    expect(source.entries.map((e) => e.path)).toEqual([
      'B.json',
      'a.json',
      'b/c/deep.json',
      'é.txt',
    ]);
    const expected = createHash('sha256')
      .update(
        [
          ['B.json', 'x'],
          ['a.json', '{}'],
          ['b/c/deep.json', '[]'],
          ['é.txt', 'e'],
        ]
          .map(([p, c]) => `${p}\u0000${sha(c ?? '')}\n`)
          .join(''),
      )
      .digest('hex');
    expect(await source.digest()).toEqual({ sha256: expected, byteSize: 6 });
  });

  it('matches the shell recipe documented for the folder digest', async () => {
    const root = join(scratch.dir, 'export');
    const shell = execFileSync(
      'sh',
      [
        '-c',
        `cd "$1" && find . -type f | sed 's|^\\./||' | LC_ALL=C sort | while IFS= read -r f; do printf '%s\\0%s\\n' "$f" "$(sha256sum "$f" | cut -c1-64)"; done | sha256sum | cut -c1-64`,
        'sh',
        root,
      ],
      { encoding: 'utf8' },
    ).trim();
    expect((await (await openExportSource(root)).digest()).sha256).toBe(shell);
  });

  it('skips links that stay inside with a note and refuses links that leave', async () => {
    const root = join(scratch.dir, 'linked');
    await mkdir(root);
    await writeFile(join(root, 'real.txt'), 'r');
    await symlink(join(root, 'real.txt'), join(root, 'alias.txt'));
    const source = await openExportSource(root);
    expect(source.entries.map((e) => e.path)).toEqual(['real.txt']);
    expect(source.notes.map((n) => [n.code, n.location?.file])).toEqual([
      ['symlink_skipped', 'alias.txt'],
    ]);
    await symlink('/etc/hostname', join(root, 'escape'));
    const error = await refusal(openExportSource(root));
    expect(error.code).toBe('unsafe_archive');
    expect(error.location?.file).toBe('escape');
  });
});

describe('zip archives', () => {
  it('lists files (not folders), opens them lazily and reads their heads', async () => {
    const bytes = await yazlZip({
      'chat/': '',
      'chat/_chat.txt': 'line one\n',
      'IMG-1.jpg': 'jpg',
    });
    const path = await writeScratch(scratch.dir, 'export.zip', bytes);
    const source = await openExportSource(path);
    expect(source.entries.map((e) => [e.path, e.size])).toEqual([
      ['chat/_chat.txt', 9],
      ['IMG-1.jpg', 3],
    ]);
    const chat = source.entries[0];
    if (chat === undefined) throw new Error('no entry');
    expect((await source.head(chat, 4)).toString()).toBe('line');
    expect((await readAll(await chat.open())).toString()).toBe('line one\n');
    expect(await source.digest()).toEqual({ sha256: sha(bytes), byteSize: bytes.length });
    await source.close();
  });

  it('keeps a nested zip as a plain entry', async () => {
    const inner = await yazlZip({ 'inner.txt': 'x' });
    const source = await openExportSource(
      await writeScratch(scratch.dir, 'outer.zip', await yazlZip({ 'inner.zip': inner })),
    );
    expect(source.entries.map((e) => e.path)).toEqual(['inner.zip']);
    await source.close();
  });

  const unsafeNames: [string, string | Buffer][] = [
    ['parent traversal', '../../etc/passwd'],
    ['traversal in the middle', 'chat/../../x.txt'],
    ['absolute path', '/etc/passwd'],
    ['drive letter', 'C:/Windows/x.txt'],
    ['backslash traversal', '..\\..\\x.txt'],
    ['NUL in the name', 'a.txt\u0000.jpg'],
  ];
  it.each(unsafeNames)('refuses an entry with a %s', async (_label, name) => {
    const path = await writeScratch(
      scratch.dir,
      'bad-name.zip',
      buildRawZip([{ name, data: Buffer.from('x') }]),
    );
    const error = await refusal(openExportSource(path));
    expect(error.code).toBe('unsafe_archive');
    expect(error.location).not.toBeNull();
  });

  it('refuses symbolic links, encrypted entries and duplicate paths', async () => {
    const cases = [
      buildRawZip([
        {
          name: 'link',
          data: Buffer.from('/etc/passwd'),
          versionMadeBy: 0x031e,
          externalAttributes: (0o120777 << 16) >>> 0,
        },
      ]),
      buildRawZip([{ name: 'secret.txt', data: Buffer.from('x'), method: 8, flags: 1 }]),
      buildRawZip([
        { name: 'a.txt', data: Buffer.from('one') },
        { name: 'a.txt', data: Buffer.from('two') },
      ]),
    ];
    for (const [i, bytes] of cases.entries()) {
      const error = await refusal(
        openExportSource(await writeScratch(scratch.dir, `unsafe-${i}.zip`, bytes)),
      );
      expect(error.code).toBe('unsafe_archive');
    }
  });

  it('refuses a bomb whose headers admit the ratio, before inflating anything', async () => {
    const size = 64 * 1024 * 1024;
    const compressed = await deflatedZeros(size);
    const bytes = buildRawZip([
      { name: 'bomb.txt', method: 8, compressed, declaredSize: size, declaredCrc: 0 },
    ]);
    const error = await refusal(
      openExportSource(await writeScratch(scratch.dir, 'bomb.zip', bytes)),
    );
    expect(error.code).toBe('unsafe_archive');
    expect(error.message).toMatch(/ratio/);
  });

  it('stops a bomb whose headers lie while inflating it', async () => {
    const compressed = await deflatedZeros(256 * 1024 * 1024);
    const bytes = buildRawZip([
      { name: 'chat.txt', method: 8, compressed, declaredSize: 100_000, declaredCrc: 0 },
    ]);
    const source = await openExportSource(await writeScratch(scratch.dir, 'liar.zip', bytes));
    const entry = source.entries[0];
    if (entry === undefined) throw new Error('no entry');
    let seen = 0;
    const error = await refusal(
      (async () => {
        for await (const chunk of await entry.open()) seen += (chunk as Buffer).length;
      })(),
    );
    expect(error.code).toBe('unsafe_archive');
    expect(seen).toBeLessThanOrEqual(100_000);
    await source.close();
  });

  it('refuses overlapping entries (non-recursive bombs)', async () => {
    const data = Buffer.from('same data');
    const bytes = buildRawZip([
      { name: 'a.txt', data },
      { name: 'b.txt', data, shareDataWith: 0 },
    ]);
    const error = await refusal(
      openExportSource(await writeScratch(scratch.dir, 'overlap.zip', bytes)),
    );
    expect(error.code).toBe('unsafe_archive');
  });

  it('enforces the entry-count and total-size caps', async () => {
    const bytes = buildRawZip([
      { name: 'a.txt', data: Buffer.alloc(600) },
      { name: 'b.txt', data: Buffer.alloc(600) },
    ]);
    const path = await writeScratch(scratch.dir, 'caps.zip', bytes);
    expect((await refusal(openExportSource(path, { maxEntries: 1 }))).code).toBe('input_too_large');
    expect((await refusal(openExportSource(path, { maxTotalBytes: 1000 }))).code).toBe(
      'input_too_large',
    );
  });

  it('reports a truncated archive and a corrupt entry', async () => {
    const bytes = await yazlZip({ 'chat.txt': 'some text that is long enough' });
    const truncated = await refusal(
      openExportSource(
        await writeScratch(scratch.dir, 'cut.zip', bytes.subarray(0, bytes.length - 30)),
      ),
    );
    expect(truncated.code).toBe('truncated_input');
    const corrupt = buildRawZip([{ name: 'chat.txt', data: Buffer.from('abc'), declaredCrc: 1 }]);
    const source = await openExportSource(await writeScratch(scratch.dir, 'crc.zip', corrupt));
    const entry = source.entries[0];
    if (entry === undefined) throw new Error('no entry');
    const error = await refusal(readAll(await entry.open()));
    expect(error.code).toBe('malformed_input');
    expect(error.location?.file).toBe('chat.txt');
    await source.close();
  });
});
