import type { ParseReportBuilder } from '../report.js';

/**
 * One warning for something that happened to many records (replies whose target is not in the
 * export, unreadable times): a count instead of one entry per record.
 */
export function warnCount(
  report: ParseReportBuilder,
  code: string,
  count: number,
  what: string,
): void {
  if (count > 0) report.warn(code, `${count} ${what}`, null);
}
