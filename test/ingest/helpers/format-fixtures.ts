import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportFormat } from '../../../src/domain/index.js';
import { IMPORTERS } from '../../../src/ingest/registry.js';

const fixturesDir = join(import.meta.dirname, '../../../fixtures');

/**
 * One single-file fixture per registered format, for the cross-format hostile tests: the first
 * file found among the candidates. A format whose importer is not registered yet is left out.
 */
const CANDIDATES: Record<ExportFormat, string[]> = {
  sms: ['sms/backup.xml'],
  csv: ['generic/messages.csv'],
  jsonl: ['generic/messages.jsonl'],
  telegram: ['telegram/single-chat/result.json', 'telegram/legacy/result.json'],
  discord: ['discord/json/Falcon - Ops - incidents [1122334455].json'],
  whatsapp: [],
  slack: [],
  messenger: [],
};

function firstFileUnder(dir: string, pattern: RegExp): string | null {
  if (!existsSync(join(fixturesDir, dir))) return null;
  const walk = (relative: string): string | null => {
    for (const dirent of readdirSync(join(fixturesDir, relative), { withFileTypes: true }).sort(
      (a, b) => (a.name < b.name ? -1 : 1),
    )) {
      const path = `${relative}/${dirent.name}`;
      if (dirent.isDirectory()) {
        const found = walk(path);
        if (found !== null) return found;
      } else if (pattern.test(dirent.name)) return path;
    }
    return null;
  };
  return walk(dir);
}

export function singleFileFixtures(): { format: ExportFormat; path: string }[] {
  const found: { format: ExportFormat; path: string }[] = [];
  for (const importer of IMPORTERS) {
    const explicit = CANDIDATES[importer.format].find((p) => existsSync(join(fixturesDir, p)));
    const fallback =
      importer.format === 'whatsapp'
        ? firstFileUnder('whatsapp', /\.txt$/)
        : importer.format === 'messenger'
          ? firstFileUnder('messenger', /\.json$/)
          : null;
    const path = explicit ?? fallback;
    if (path !== null && path !== undefined)
      found.push({ format: importer.format, path: join(fixturesDir, path) });
  }
  return found;
}

/** Every file under fixtures/, as seeds for mutation tests. */
export function allFixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const dirent of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, dirent.name);
      if (dirent.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(fixturesDir);
  return out.sort();
}
