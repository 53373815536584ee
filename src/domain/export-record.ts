import type { MessageKind, SourceLocation } from './message.js';

export const EXPORT_FORMATS = [
  'whatsapp',
  'telegram',
  'discord',
  'slack',
  'messenger',
  'sms',
  'jsonl',
  'csv',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export interface ParseIssue {
  /** Stable machine code, e.g. `unreadable_line`, `invalid_utf8`, `control_character`. */
  code: string;
  /** Human-readable, without message content. */
  detail: string;
  location: SourceLocation | null;
}

export interface ParseReport {
  messageCount: number;
  countsByKind: Record<MessageKind, number>;
  conversationCount: number;
  participantCount: number;
  /** Lines or records that could not be read as messages and were kept out; capped, see `skippedTotal`. */
  skipped: ParseIssue[];
  skippedTotal: number;
  /** Things that were read but deserve a note (repaired encoding, ambiguous local times...); capped. */
  warnings: ParseIssue[];
  warningsTotal: number;
  /** Messages whose time is earlier than the one before them in source order; they keep their `seq`. */
  outOfOrder: number;
  /** Files inside the export and what the importer did with each. */
  files: { path: string; bytes: number; role: 'messages' | 'media' | 'metadata' | 'ignored' }[];
}

/** The export as a whole: what was received and how it was read. */
export interface ExportRecord {
  id: string;
  /** SHA-256 (hex) of the original bytes exactly as received. */
  sha256: string;
  byteSize: number;
  fileName: string;
  format: ExportFormat;
  /** Format-specific variant, e.g. `android`, `ios`, `account`, `e2ee`. */
  variant: string | null;
  /** IANA zone used for timestamps written without an offset. */
  timezone: string;
  /** Day/month order used for numeric dates, when the format writes them. */
  dateOrder: DateOrder | null;
  /** Always `none`: text is kept as exported. Recorded so a reader never has to assume. */
  textNormalisation: 'none';
  report: ParseReport;
}
