import type {
  Attachment,
  CaseRecord,
  CaseRole,
  Category,
  DateOrder,
  DecisionOutcome,
  ExportFormat,
  MessageKind,
  ModelRef,
  ParseReport,
  Role,
  RunPurpose,
  RunStatus,
  SourceLocation,
} from '../domain/index.js';

/** The rows the Store keeps. Times are ISO-8601 instants (UTC). */

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface MembershipRecord {
  caseId: string;
  userId: string;
  role: CaseRole;
  addedAt: string;
  addedBy: string;
}

export type CaseWithRole = CaseRecord & { memberRole: CaseRole };

/** `importing` exports are invisible to every read: an upload that fails leaves nothing reachable. */
export type ExportStatus = 'importing' | 'ready';

export interface ExportRow {
  id: string;
  caseId: string;
  status: ExportStatus;
  sha256: string;
  byteSize: number;
  fileName: string;
  format: ExportFormat | null;
  variant: string | null;
  timezone: string;
  dateOrder: DateOrder | null;
  report: ParseReport | null;
  messageCount: number;
  inScopeCount: number;
  createdAt: string;
  createdBy: string;
}

export interface NewMessage {
  id: string;
  /** The source's own id for the message, where it has one. */
  sourceId: string | null;
  seq: number;
  conversationId: string;
  conversationTitle: string | null;
  senderId: string | null;
  sentAt: string | null;
  sentAtLocal: string | null;
  kind: MessageKind;
  text: string;
  attachments: Attachment[];
  edited: boolean;
  replyTo: string | null;
  source: SourceLocation;
  inScope: boolean;
}

/** A message as reads return it: always in scope, sender pseudonymised to its ordinal. */
export interface StoredMessage extends Omit<NewMessage, 'senderId' | 'inScope'> {
  exportId: string;
  /** 1-based order of first appearance of the sender in the export; null for system lines. */
  senderOrdinal: number | null;
}

export interface ParticipantRecord {
  exportId: string;
  participantId: string;
  name: string;
  /** Order of first in-scope appearance; null when none of their messages is in scope. */
  ordinal: number | null;
}

export interface RunTotals {
  /** Every message in the export. */
  messages: number;
  inScope: number;
  /** Stored but never screened or shown (data minimisation). */
  outOfScope: number;
  /** In scope and with text to screen. */
  screenable: number;
}

export interface RunRecord {
  id: string;
  caseId: string;
  exportId: string;
  purpose: RunPurpose;
  /** The run a replay or comparison is measured against. */
  baseRunId: string | null;
  model: ModelRef;
  batchSize: number;
  batchCount: number;
  batchesDone: number;
  screened: number;
  flagCount: number;
  totals: RunTotals;
  status: RunStatus;
  /** An error code (never content) when status is `failed`. */
  error: string | null;
  createdAt: string;
  createdBy: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A fixed slice of a run's screenable messages, decided when the run is created. */
export interface BatchRecord {
  runId: string;
  index: number;
  firstSeq: number;
  lastSeq: number;
  size: number;
  done: boolean;
}

export interface NewFlag {
  id: string;
  messageId: string;
  messageSeq: number;
  start: number;
  end: number;
  category: Category;
  score: number;
  text: string;
}

export interface FlagRecord extends NewFlag {
  runId: string;
  /** 1, 2, 3... per run in commit order: SSE event ids and paging cursors. */
  seq: number;
  batchIndex: number;
}

export interface DecisionRecord {
  id: string;
  flagId: string;
  runId: string;
  caseId: string;
  outcome: DecisionOutcome;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export interface ReplayRecord {
  id: string;
  caseId: string;
  kind: 'replay' | 'compare';
  baseRunId: string;
  runId: string;
  createdAt: string;
  createdBy: string;
}

/**
 * A blind second-review sample of a run (QC), drawn deterministically from `seed`: a share of the
 * flags decided so far and a number of unflagged in-scope messages (to estimate misses).
 */
export interface QcSampleRecord {
  id: string;
  runId: string;
  caseId: string;
  seed: string;
  /** Share (0..1) of the eligible decided flags drawn. */
  flagShare: number;
  /** How many unflagged messages were asked for. */
  unflaggedRequested: number;
  /** Who may be given items, in the order given. */
  reviewerIds: string[];
  /** Candidates when the sample was drawn, and how many were drawn. */
  flagsEligible: number;
  flagsDrawn: number;
  unflaggedEligible: number;
  unflaggedDrawn: number;
  createdAt: string;
  createdBy: string;
}

/** `flag`: a decided flag, reviewed again; `message`: an unflagged message (was it a miss?). */
export type QcItemKind = 'flag' | 'message';

export interface QcItemRecord {
  id: string;
  sampleId: string;
  runId: string;
  caseId: string;
  /** Order within the sample (by seeded key). */
  position: number;
  kind: QcItemKind;
  flagId: string | null;
  messageId: string;
  messageSeq: number;
  /** The decision in force when drawn: what the second review is measured against (flags only). */
  firstDecisionId: string | null;
  /** The second reviewer: never someone who had decided the flag. */
  assignedTo: string;
}

/** A second reviewer's decision on an item; appended like decisions, the latest counts. */
export interface QcDecisionRecord {
  id: string;
  itemId: string;
  runId: string;
  caseId: string;
  outcome: DecisionOutcome;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}
