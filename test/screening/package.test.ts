import { createHash } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listModelPackages,
  loadModel,
  loadModelPackage,
  resolveModel,
} from '../../src/screening/index.js';
import { readVerifiedFile } from '../../src/screening/package/verified-read.js';
import { buildTinyHfPackage, writeManifest } from './fixtures/tiny-hf.js';

let root: string;
let counter = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chatscreen-pkg-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function freshPackage(id = `p${++counter}`): Promise<string> {
  const dir = join(root, 'work', id);
  await buildTinyHfPackage(dir, { id });
  return dir;
}

async function manifestOf(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

async function rewriteManifest(dir: string, edit: (m: Record<string, unknown>) => void) {
  const manifest = await manifestOf(dir);
  edit(manifest);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

const invalid = (pattern: RegExp) => ({
  code: 'model_package_invalid',
  message: expect.stringMatching(pattern),
});

describe('loadModelPackage', () => {
  it('verifies a complete package; its identity is the SHA-256 of the manifest bytes', async () => {
    const dir = await freshPackage('good');
    const pkg = await loadModelPackage(dir);
    const bytes = await readFile(join(dir, 'manifest.json'));
    expect(pkg.ref).toEqual({
      id: 'good',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(pkg.dir).toBe(dir);
    expect(pkg.manifest.kind).toBe('huggingface');
  });

  it('refuses a file whose bytes changed (same size), naming it', async () => {
    const dir = await freshPackage();
    const path = join(dir, 'onnx', 'model.onnx');
    const bytes = await readFile(path);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    await writeFile(path, bytes);
    await expect(loadModelPackage(dir)).rejects.toMatchObject(
      invalid(/"onnx\/model\.onnx" has been altered/),
    );
  });

  it('refuses a file whose size changed, naming it', async () => {
    const dir = await freshPackage();
    await appendFile(join(dir, 'config.json'), ' ');
    await expect(loadModelPackage(dir)).rejects.toMatchObject(
      invalid(/"config\.json" has \d+ bytes/),
    );
  });

  it('refuses a missing listed file', async () => {
    const dir = await freshPackage();
    await rm(join(dir, 'tokenizer.json'));
    await expect(loadModelPackage(dir)).rejects.toMatchObject(
      invalid(/"tokenizer\.json" is listed .* but missing/),
    );
  });

  it('refuses an unlisted extra file, even in a sub-folder', async () => {
    const dir = await freshPackage();
    await writeFile(join(dir, 'onnx', 'model_quantized.onnx'), 'x');
    await expect(loadModelPackage(dir)).rejects.toMatchObject(
      invalid(/"onnx\/model_quantized\.onnx" is in the package but not listed/),
    );
  });

  it('refuses symbolic links inside the package', async () => {
    const dir = await freshPackage();
    await symlink('/etc/hostname', join(dir, 'link'));
    await expect(loadModelPackage(dir)).rejects.toMatchObject(
      invalid(/"link" .* not a regular file/),
    );
  });

  it.each([
    '../outside.json',
    '/etc/passwd',
    'onnx/../../x',
    './config.json',
    'a//b',
    'onnx\\model.onnx',
    'C:/x',
    '',
    'manifest.json',
  ])('refuses the path escape or oddity %j in files', async (key) => {
    const dir = await freshPackage();
    await rewriteManifest(dir, (m) => {
      (m.files as Record<string, unknown>)[key] = { sha256: '0'.repeat(64), bytes: 0 };
    });
    await expect(loadModelPackage(dir)).rejects.toMatchObject({ code: 'model_package_invalid' });
  });

  it('refuses a manifest that does not match the schema, naming the field', async () => {
    const dir = await freshPackage();
    await rewriteManifest(dir, (m) => {
      m.categories = ['not_a_category'];
    });
    await expect(loadModelPackage(dir)).rejects.toMatchObject(invalid(/categories\.0/));
  });

  it('refuses a manifest that is not JSON, and a missing manifest', async () => {
    const dir = await freshPackage();
    await writeFile(join(dir, 'manifest.json'), '{ nope');
    await expect(loadModelPackage(dir)).rejects.toMatchObject(invalid(/not valid UTF-8 JSON/));
    await rm(join(dir, 'manifest.json'));
    await expect(loadModelPackage(dir)).rejects.toMatchObject(invalid(/manifest\.json is missing/));
  });

  it('reports a folder that does not exist as model_not_found', async () => {
    await expect(loadModelPackage(join(root, 'nowhere'))).rejects.toMatchObject({
      code: 'model_not_found',
    });
  });

  it('readVerifiedFile refuses bytes that changed after verification', async () => {
    const dir = await freshPackage();
    const pkg = await loadModelPackage(dir);
    expect((await readVerifiedFile(pkg, 'config.json')).length).toBeGreaterThan(0);
    await writeFile(join(dir, 'config.json'), '{}');
    await expect(readVerifiedFile(pkg, 'config.json')).rejects.toMatchObject(
      invalid(/changed after the package was verified/),
    );
    await expect(readVerifiedFile(pkg, 'other.json')).rejects.toMatchObject(invalid(/not listed/));
  });
});

describe('models folder: listing and resolving', () => {
  let models: string;

  beforeAll(async () => {
    models = join(root, 'models');
    await buildTinyHfPackage(join(models, 'alpha'), { id: 'alpha' });
    await buildTinyHfPackage(join(models, 'beta'), { id: 'beta' });
    await buildTinyHfPackage(join(models, 'misnamed'), { id: 'other' });
    await mkdir(join(models, 'not-a-package'));
    await mkdir(join(models, 'broken'));
    await writeFile(join(models, 'broken', 'manifest.json'), '[]');
  });

  it('lists packages by folder, broken ones with their error', async () => {
    const listed = await listModelPackages(models);
    expect(listed.map((entry) => [entry.name, entry.ok])).toEqual([
      ['alpha', true],
      ['beta', true],
      ['broken', false],
      ['misnamed', false],
    ]);
    const misnamed = listed.find((entry) => entry.name === 'misnamed');
    expect(misnamed?.ok === false && misnamed.error.detail).toMatch(/manifest id is "other"/);
  });

  it('verifies every file when asked', async () => {
    const dir = join(root, 'models-verify');
    await buildTinyHfPackage(join(dir, 'gamma'), { id: 'gamma' });
    await appendFile(join(dir, 'gamma', 'config.json'), ' ');
    expect((await listModelPackages(dir)).map((e) => e.ok)).toEqual([true]);
    expect((await listModelPackages(dir, { verify: true })).map((e) => e.ok)).toEqual([false]);
  });

  it('resolves a requested id, then the configured default, then the DEFAULT pointer', async () => {
    expect(await resolveModel(models, 'beta')).toMatchObject({ id: 'beta', source: 'requested' });
    expect(await resolveModel(models, undefined, { defaultId: 'alpha' })).toMatchObject({
      id: 'alpha',
      source: 'configured',
    });
    await expect(resolveModel(models)).rejects.toMatchObject({
      code: 'model_not_found',
      message: expect.stringMatching(/no default/),
    });
    await writeFile(join(models, 'DEFAULT'), 'beta\n');
    try {
      expect(await resolveModel(models)).toMatchObject({ id: 'beta', source: 'pointer' });
    } finally {
      await rm(join(models, 'DEFAULT'));
    }
  });

  it('uses the only installed package when there is no default', async () => {
    const dir = join(root, 'models-one');
    await buildTinyHfPackage(join(dir, 'solo'), { id: 'solo' });
    expect(await resolveModel(dir)).toMatchObject({ id: 'solo', source: 'only-installed' });
  });

  it('refuses ids that are not ids (no path tricks) and unknown ids', async () => {
    await expect(resolveModel(models, '../alpha')).rejects.toMatchObject({
      code: 'model_not_found',
    });
    await expect(loadModel(models, 'gone')).rejects.toMatchObject({ code: 'model_not_found' });
  });

  it('loadModel refuses a folder whose manifest has another id', async () => {
    await expect(loadModel(models, 'misnamed')).rejects.toMatchObject(
      invalid(/manifest id is "other"/),
    );
    expect((await loadModel(models, 'alpha')).ref.id).toBe('alpha');
  });

  it('writeManifest fixture pins the files it sees (sanity for the other tests)', async () => {
    const dir = await freshPackage();
    await writeFile(join(dir, 'extra.txt'), 'x');
    await writeManifest(dir, await manifestOf(dir));
    expect((await loadModelPackage(dir)).manifest.files['extra.txt']?.bytes).toBe(1);
  });
});
