import { ChatscreenError, type Conversation } from '../../domain/index.js';
import { warnCount } from '../json/count-warning.js';
import { dirName, type EntryPaths } from '../json/entries.js';
import { OrdinalIndex } from '../json/ordinal-index.js';
import { scanJsonEntry } from '../json/scan-entry.js';
import type { ParseReportBuilder } from '../report.js';
import type { ExportEntry, ImportedMessage } from '../types.js';
import { dceChannel, dceGuild, dceMessage } from './schema.js';
import { type DiscordFileContext, dceToMessage } from './to-message.js';

export interface DiscordReadContext {
  exportId: string;
  paths: EntryPaths;
  report: ParseReportBuilder;
}

/** `Guild / category / channel`, as far as the export names them. */
function conversationOf(guild: unknown, channel: unknown, fallbackId: string): Conversation {
  const g = dceGuild.safeParse(guild);
  const c = dceChannel.safeParse(channel);
  const parts = [
    g.success ? g.data.name : null,
    c.success ? c.data.category : null,
    c.success ? c.data.name : null,
  ];
  const title = parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' / ');
  return {
    id: c.success && c.data.id ? c.data.id : fallbackId,
    title: title === '' ? null : title,
  };
}

/** Streams one DiscordChatExporter JSON file: one channel, one conversation. */
export async function* readDiscordJson(
  entry: ExportEntry,
  context: DiscordReadContext,
): AsyncGenerator<ImportedMessage> {
  const { report } = context;
  let guild: unknown;
  let channel: unknown;
  let file: DiscordFileContext | null = null;
  let read = 0;
  let unreadableTimes = 0;
  let unresolvedReplies = 0;
  const events = scanJsonEntry(entry, {
    arrays: ['messages'],
    fields: ['guild', 'channel'],
    warn: (code, detail, location) => report.warn(code, detail, location),
  });
  for await (const event of events) {
    if (event.kind === 'field') {
      if (event.field === 0) guild = event.value;
      else channel = event.value;
    } else if (event.kind === 'arrayStart') {
      file = {
        exportId: context.exportId,
        file: entry.path,
        baseDir: dirName(entry.path),
        paths: context.paths,
        conversation: conversationOf(guild, channel, entry.path),
        ids: new OrdinalIndex(),
      };
    } else if (event.kind === 'invalidElement') {
      report.skip('malformed_record', `not valid JSON from byte ${event.errorAt}`, event.location);
    } else if (event.kind === 'element' && file !== null) {
      const parsed = dceMessage.safeParse(event.value);
      if (!parsed.success) {
        if (read === 0) {
          throw new ChatscreenError(
            'wrong_format',
            'the records are not DiscordChatExporter messages',
            {
              option: '--format',
              location: event.location,
            },
          );
        }
        report.skip(
          'unreadable_record',
          'not a DiscordChatExporter message record',
          event.location,
        );
        continue;
      }
      read++;
      const mapped = dceToMessage(parsed.data, event.ordinal, event.location, file);
      if (mapped.unreadableTime) unreadableTimes++;
      if (mapped.unresolvedReply) unresolvedReplies++;
      yield mapped.message;
    } else if (event.kind === 'end' && (event.rootType !== 'object' || event.arrays === 0)) {
      throw new ChatscreenError(
        'wrong_format',
        'no DiscordChatExporter messages array in this JSON file',
        {
          option: '--format',
        },
      );
    }
  }
  warnCount(
    report,
    'unreadable_time',
    unreadableTimes,
    'messages have a timestamp that could not be read (sentAt is null)',
  );
  warnCount(
    report,
    'reply_target_missing',
    unresolvedReplies,
    'replies refer to messages that are not in the export (replyTo is null)',
  );
}
