import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ExportSource } from '../../types.js';
import { memorySource } from './memory-source.js';

/** Every file below `dir` as an in-memory folder source ('/'-separated paths, sorted). */
export function folderSource(dir: string, chunkSize?: number): ExportSource {
  const files: Record<string, Buffer> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full).split(sep).join('/')] = readFileSync(full);
    }
  };
  walk(dir);
  return memorySource(files, {
    kind: 'directory',
    name: dir.split(sep).pop() ?? dir,
    ...(chunkSize === undefined ? {} : { chunkSize }),
  });
}

/** One file as a single-file source (entry path ''). */
export function fileSource(path: string, chunkSize?: number): ExportSource {
  return memorySource(
    { '': readFileSync(path) },
    {
      kind: 'file',
      name: path.split(sep).pop() ?? path,
      ...(chunkSize === undefined ? {} : { chunkSize }),
    },
  );
}
