import type { DateOrder, Message, ParseReport } from '../../../domain/index.js';
import { ParseReportBuilder } from '../../report.js';
import type { ExportSource, Importer } from '../../types.js';

export interface Collected {
  messages: Message[];
  report: ParseReport;
  variant: string | null;
  dateOrder: DateOrder | null;
}

/**
 * Runs an importer the way the pipeline does (numbering `seq` in yield order, counting into the
 * report), for tests that should not depend on the pipeline itself.
 */
export async function collectImport(
  importer: Importer,
  source: ExportSource,
  options: { timezone?: string; exportId?: string } = {},
): Promise<Collected> {
  const report = new ParseReportBuilder();
  const messages: Message[] = [];
  const context = {
    exportId: options.exportId ?? 'x_test',
    timezone: options.timezone ?? 'UTC',
    dateOrder: null,
    report,
  };
  for await (const imported of importer.read(source, context)) {
    const message: Message = { ...imported, seq: messages.length };
    report.countMessage(message.kind, message.conversation.id, message.sender?.id ?? null);
    messages.push(message);
  }
  return { messages, report: report.build(), variant: report.variant, dateOrder: report.dateOrder };
}
