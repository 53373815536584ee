import {
  type DateOrder,
  MESSAGE_KINDS,
  type MessageKind,
  type ParseIssue,
  type ParseReport,
  type SourceLocation,
} from '../domain/index.js';

const KIND_INDEX = new Map<MessageKind, number>(MESSAGE_KINDS.map((k, i) => [k, i]));

/** How many issues of each list are kept verbatim; the totals keep counting past it. */
export const ISSUE_LIST_CAP = 1000;

type FileRole = ParseReport['files'][number]['role'];

/** Collects what an import did, for the export's parse report. Importers write, the pipeline reads. */
export class ParseReportBuilder {
  private readonly skipped: ParseIssue[] = [];
  private readonly warnings: ParseIssue[] = [];
  private skippedTotal = 0;
  private warningsTotal = 0;
  private readonly files = new Map<string, { bytes: number; role: FileRole }>();
  /** Counts by MESSAGE_KINDS index (a Map lookup per message is cheaper than a keyed store). */
  private readonly kindCounts = MESSAGE_KINDS.map(() => 0);
  private readonly conversations = new Set<string>();
  private readonly participants = new Set<string>();
  private messageCount = 0;
  private outOfOrder = 0;
  variant: string | null = null;
  dateOrder: DateOrder | null = null;

  skip(code: string, detail: string, location: SourceLocation | null): void {
    this.skippedTotal += 1;
    if (this.skipped.length < ISSUE_LIST_CAP) this.skipped.push({ code, detail, location });
  }

  warn(code: string, detail: string, location: SourceLocation | null): void {
    this.warningsTotal += 1;
    if (this.warnings.length < ISSUE_LIST_CAP) this.warnings.push({ code, detail, location });
  }

  noteFile(path: string, bytes: number, role: FileRole): void {
    this.files.set(path, { bytes, role });
  }

  /** The last ids added: consecutive messages mostly repeat them, and a compare beats a hash. */
  private lastConversation: string | null = null;
  private lastSender: string | null = null;
  private lastKind: MessageKind | null = null;
  private lastKindIndex = 0;

  /** Called by the pipeline for every message it yields. */
  countMessage(kind: MessageKind, conversationId: string, senderId: string | null): void {
    this.messageCount += 1;
    if (kind !== this.lastKind) {
      this.lastKind = kind;
      this.lastKindIndex = KIND_INDEX.get(kind) ?? 0;
    }
    const i = this.lastKindIndex;
    this.kindCounts[i] = (this.kindCounts[i] ?? 0) + 1;
    if (conversationId !== this.lastConversation) {
      this.conversations.add(conversationId);
      this.lastConversation = conversationId;
    }
    if (senderId !== null && senderId !== this.lastSender) {
      this.participants.add(senderId);
      this.lastSender = senderId;
    }
  }

  countOutOfOrder(location: SourceLocation): void {
    this.outOfOrder += 1;
    this.warn('out_of_order', 'message time is earlier than the message before it', location);
  }

  build(): ParseReport {
    return {
      messageCount: this.messageCount,
      countsByKind: Object.fromEntries(
        MESSAGE_KINDS.map((k, i) => [k, this.kindCounts[i] ?? 0]),
      ) as Record<MessageKind, number>,
      conversationCount: this.conversations.size,
      participantCount: this.participants.size,
      skipped: [...this.skipped],
      skippedTotal: this.skippedTotal,
      warnings: [...this.warnings],
      warningsTotal: this.warningsTotal,
      outOfOrder: this.outOfOrder,
      files: [...this.files].map(([path, f]) => ({ path, ...f })),
    };
  }
}
