import type { DateOrder, ExportFormat, ParseReport } from '../../domain/index.js';
import type { ExportRow, ExportStatus } from '../records.js';
import { type DbBigint, fromDbBigint, fromJson } from './columns.js';

/** A row of `exports` as the database returns it (`ExportRow` is the record it maps to). */
export interface ExportTableRow {
  id: string;
  case_id: string;
  status: string;
  sha256: string;
  byte_size: DbBigint;
  file_name: string;
  format: string | null;
  variant: string | null;
  timezone: string;
  date_order: string | null;
  report: string | null;
  message_count: number;
  in_scope_count: number;
  created_at: string;
  created_by: string;
}

export function toExport(row: ExportTableRow): ExportRow {
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status as ExportStatus,
    sha256: row.sha256,
    byteSize: fromDbBigint(row.byte_size),
    fileName: row.file_name,
    format: row.format as ExportFormat | null,
    variant: row.variant,
    timezone: row.timezone,
    dateOrder: row.date_order as DateOrder | null,
    report: row.report === null ? null : fromJson<ParseReport>(row.report),
    messageCount: row.message_count,
    inScopeCount: row.in_scope_count,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
