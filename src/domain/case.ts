/**
 * A case: the authorisation under which exports may be uploaded, screened and read. Its scope is
 * fixed when it is created (a wider scope needs a new authorisation, hence a new case), so each
 * message's in-scope mark can be decided once, at upload.
 */
export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseScope {
  /** Participant ids or exact display names whose messages are covered; null: everyone. */
  participants: string[] | null;
  /** Inclusive lower bound (ISO-8601 instant); null: unbounded. */
  from: string | null;
  /** Inclusive upper bound (ISO-8601 instant); null: unbounded. */
  to: string | null;
}

export interface CaseRecord {
  id: string;
  reference: string;
  legalBasis: string;
  authorisedBy: string;
  scope: CaseScope;
  /** ISO-8601 instant after which the authorisation no longer covers anything. */
  expiresAt: string;
  status: CaseStatus;
  createdAt: string;
  createdBy: string;
}

/** Uploads, runs and reads need an open case whose authorisation has not expired. */
export function isCaseOpen(record: Pick<CaseRecord, 'status' | 'expiresAt'>, now: Date): boolean {
  return record.status === 'open' && Date.parse(record.expiresAt) > now.getTime();
}

/** What scope needs to know about a message. */
export interface ScopeSubject {
  senderId: string | null;
  senderName: string | null;
  sentAt: string | null;
}

/**
 * Whether the authorisation covers a message. Conservative by design: with a participant list a
 * system line (no sender) is out; with a date bound a message without a time is out.
 */
export function isInScope(scope: CaseScope, message: ScopeSubject): boolean {
  if (scope.participants !== null) {
    const listed = scope.participants;
    const matches =
      (message.senderId !== null && listed.includes(message.senderId)) ||
      (message.senderName !== null && listed.includes(message.senderName));
    if (!matches) return false;
  }
  if (scope.from !== null || scope.to !== null) {
    if (message.sentAt === null) return false;
    const at = Date.parse(message.sentAt);
    if (scope.from !== null && at < Date.parse(scope.from)) return false;
    if (scope.to !== null && at > Date.parse(scope.to)) return false;
  }
  return true;
}
