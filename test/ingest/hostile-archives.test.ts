import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, DeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseExportToArray } from '../../src/ingest/read-export.js';
import { buildRawZip } from './helpers/raw-zip.js';
import { refusal } from './helpers/refusal.js';
import { useScratchDir, writeScratch } from './helpers/tmp.js';

/**
 * Archive attacks through the whole pipeline (readExport), as a user would meet them: the import
 * stops with unsafe_archive or input_too_large and a location, before or while inflating.
 */
const scratch = useScratchDir();

/** `prefix` followed by `size` bytes of `fill`, deflated as a stream (never held inflated). */
async function deflated(prefix: string, size: number, fill = 0x61): Promise<Buffer> {
  const deflate = new DeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  deflate.write(Buffer.from(prefix));
  const block = Buffer.alloc(1024 * 1024, fill);
  for (let written = 0; written < size; written += block.length) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

describe('hostile archives through readExport', () => {
  it('a small zip that admits inflating to 128 MB is refused before inflating', async () => {
    const compressed = await deflated('id,text\n1,', 128 * 1024 * 1024);
    const zip = buildRawZip([
      {
        name: 'export.csv',
        method: 8,
        compressed,
        declaredSize: 128 * 1024 * 1024 + 10,
        declaredCrc: 0,
      },
    ]);
    const error = await refusal(
      parseExportToArray(await writeScratch(scratch.dir, 'bomb.zip', zip)),
    );
    expect(error.code).toBe('unsafe_archive');
    expect(error.location?.file).toBe('export.csv');
  });

  it('a bomb whose header lies is stopped while inflating', async () => {
    const compressed = await deflated('id,text\n1,first\n2,', 32 * 1024 * 1024);
    const zip = buildRawZip([
      { name: 'export.csv', method: 8, compressed, declaredSize: 4 * 1024 * 1024, declaredCrc: 0 },
    ]);
    const error = await refusal(
      parseExportToArray(await writeScratch(scratch.dir, 'liar.zip', zip)),
    );
    expect(error.code).toBe('unsafe_archive');
    expect(error.message).toMatch(/more bytes than its header declares/);
  });

  it.each([
    ['../../../etc/cron.d/x.csv'],
    ['/etc/passwd'],
    ['C:\\Windows\\system32\\x.csv'],
    ['chat/..\\..\\x.csv'],
  ])('an entry named %s is refused', async (name) => {
    const zip = buildRawZip([
      { name: 'export.csv', data: Buffer.from('id,text\n1,hello\n') },
      { name, data: Buffer.from('id,text\n2,evil\n') },
    ]);
    const error = await refusal(
      parseExportToArray(await writeScratch(scratch.dir, 'traversal.zip', zip)),
    );
    expect(error.code).toBe('unsafe_archive');
    expect(error.location?.file).toBe(name);
  });

  it('a symlink entry is refused', async () => {
    const zip = buildRawZip([
      {
        name: 'export.csv',
        data: Buffer.from('/etc/passwd'),
        versionMadeBy: 0x0314,
        externalAttributes: (0o120777 << 16) >>> 0,
      },
    ]);
    expect(
      (await refusal(parseExportToArray(await writeScratch(scratch.dir, 'link.zip', zip)))).code,
    ).toBe('unsafe_archive');
  });

  it('a folder with a link leading outside it is refused', async () => {
    const root = join(scratch.dir, 'export-folder');
    await mkdir(root);
    await writeFile(join(root, 'messages.csv'), 'id,text\n1,hello\n');
    await symlink('/etc', join(root, 'outside'));
    expect((await refusal(parseExportToArray(root))).code).toBe('unsafe_archive');
  });

  it('a zip inside the zip is not opened', async () => {
    const inner = buildRawZip([{ name: 'messages.csv', data: Buffer.from('id,text\n1,hello\n') }]);
    const outer = buildRawZip([{ name: 'inner.zip', data: inner }]);
    const error = await refusal(
      parseExportToArray(await writeScratch(scratch.dir, 'nested.zip', outer)),
    );
    expect(error.code).toBe('unrecognised_format');
  });

  it('a truncated zip says so', async () => {
    const zip = buildRawZip([{ name: 'messages.csv', data: Buffer.from('id,text\n1,hello\n') }]);
    const error = await refusal(
      parseExportToArray(
        await writeScratch(scratch.dir, 'cut.zip', zip.subarray(0, zip.length - 10)),
      ),
    );
    expect(error.code).toBe('truncated_input');
  });
});
