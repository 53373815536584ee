import { ChatscreenError } from '../../domain/index.js';
import { EntryPaths } from '../json/entries.js';
import { guardDetect, guardRead } from '../json/guard.js';
import { ZoneConverter } from '../time/zoned.js';
import type { ExportSource, ImportContext, ImportedMessage, Importer } from '../types.js';
import { readDiscordCsv } from './csv/read-csv.js';
import { discordFiles } from './locate.js';
import { readDiscordJson } from './read-json.js';

async function* readDiscord(
  source: ExportSource,
  context: ImportContext,
): AsyncGenerator<ImportedMessage> {
  const zone = new ZoneConverter(context.timezone);
  const files = await discordFiles(source);
  if (files.length === 0) {
    throw new ChatscreenError(
      'wrong_format',
      'no DiscordChatExporter JSON or CSV file in this export',
      {
        option: '--format',
      },
    );
  }
  const { report } = context;
  const chosen = new Set(files.map((f) => f.entry));
  for (const e of source.entries)
    report.noteFile(e.path, e.size, chosen.has(e) ? 'messages' : 'media');
  const kinds = new Set(files.map((f) => f.kind));
  report.variant = [...kinds].sort().join('+');
  const paths = new EntryPaths(source);
  for (const { entry, kind } of files) {
    const base = { exportId: context.exportId, paths, report };
    if (kind === 'json') yield* readDiscordJson(entry, base);
    else {
      yield* readDiscordCsv(entry, {
        ...base,
        zone,
        dateOrder: context.dateOrder,
        sourceName: source.name,
      });
    }
  }
}

/**
 * DiscordChatExporter exports: JSON (one channel per file, with types, edits and replies) and
 * CSV (`AuthorID,Author,Date,Content,Attachments,Reactions`). Text copied from the Discord client
 * is not an export and is not recognised.
 */
export const discordImporter: Importer = {
  format: 'discord',
  detect: (source) =>
    guardDetect(async () => {
      const files = await discordFiles(source, true);
      if (files.length === 0) return null;
      const kinds = [...new Set(files.map((f) => f.kind))].sort();
      return {
        format: 'discord',
        confidence: kinds.includes('json') ? 0.95 : 0.9,
        variant: kinds.join('+'),
      };
    }),
  read: (source, context) => guardRead('Discord', () => readDiscord(source, context)),
};
