import { ChatscreenError } from '../../domain/index.js';
import { warnCount } from '../json/count-warning.js';
import { EntryPaths } from '../json/entries.js';
import { readArrayFile } from '../json/read-array.js';
import { ZoneConverter } from '../time/zoned.js';
import type { ExportSource, ImportContext, ImportedMessage } from '../types.js';
import { slackFolders } from './conversations.js';
import { slackLayout } from './layout.js';
import { readSlackDirectory } from './metadata.js';
import { slackMessage } from './schema.js';
import { type SlackConversationContext, slackToMessage } from './to-message.js';

/**
 * Reads a Slack workspace export, conversation by conversation, each day file in date order.
 * Day files are small and read whole; one that cannot be read is skipped and reported, and the
 * import fails only when no day file at all could be read.
 */
export async function* readSlack(
  source: ExportSource,
  context: ImportContext,
): AsyncGenerator<ImportedMessage> {
  const layout = slackLayout(source);
  if (layout === null) {
    throw new ChatscreenError(
      'wrong_format',
      'no Slack channels.json or users.json in this export',
      {
        option: '--format',
      },
    );
  }
  const { report } = context;
  report.variant = source.kind === 'zip' ? 'zip' : 'folder';
  const metadata = new Set(Object.values(layout.metadata));
  const days = new Set([...layout.folders.values()].flat());
  for (const e of source.entries) {
    report.noteFile(
      e.path,
      e.size,
      metadata.has(e) ? 'metadata' : days.has(e) ? 'messages' : 'ignored',
    );
  }
  const directory = await readSlackDirectory(layout, report);
  const zone = new ZoneConverter(context.timezone);
  const paths = new EntryPaths(source);
  const warn = (code: string, detail: string, location: Parameters<typeof report.warn>[2]): void =>
    report.warn(code, detail, location);
  if (days.size > 0) {
    report.warn(
      'markup_rendered',
      'Slack markup (<@U…>, <#C…>, <url|label>, &lt; &gt; &amp;) was rendered to what people saw; text offsets refer to the rendered text',
      null,
    );
  }

  let readable = 0;
  let firstFailure: ChatscreenError | null = null;
  let unresolvedReplies = 0;
  for (const { folder, conversation } of slackFolders(layout, directory)) {
    const c: SlackConversationContext = {
      exportId: context.exportId,
      root: layout.root,
      folder,
      conversation,
      directory,
      paths,
      zone,
      threads: new Map(),
    };
    for (const entry of layout.folders.get(folder) ?? []) {
      const file = await readArrayFile(entry, '', warn);
      if (!('elements' in file)) {
        report.skip('unreadable_file', `day file skipped: ${file.message}`, file.location);
        firstFailure ??= file;
        continue;
      }
      readable++;
      for (const bad of file.invalid) {
        report.skip('malformed_record', `not valid JSON from byte ${bad.errorAt}`, bad.location);
      }
      for (const element of file.elements) {
        const parsed = slackMessage.safeParse(element.value);
        if (!parsed.success) {
          report.skip('unreadable_record', 'not a Slack message record', element.location);
          continue;
        }
        const mapped = slackToMessage(
          parsed.data,
          entry.path,
          element.ordinal,
          element.location,
          c,
        );
        if (mapped.unresolvedReply) unresolvedReplies++;
        yield mapped.message;
      }
    }
  }
  if (readable === 0 && firstFailure !== null) throw firstFailure;
  warnCount(
    report,
    'reply_target_missing',
    unresolvedReplies,
    'thread replies refer to a parent that is not in the export (replyTo is null)',
  );
}
