import type {
  AuditEvent,
  AuditEventInput,
  CaseRecord,
  CaseStatus,
  Category,
  ParseReport,
  RunStatus,
} from '../domain/index.js';
import type {
  BatchRecord,
  CaseWithRole,
  DecisionRecord,
  ExportRow,
  FlagRecord,
  MembershipRecord,
  NewFlag,
  NewMessage,
  ParticipantRecord,
  QcDecisionRecord,
  QcItemRecord,
  QcSampleRecord,
  ReplayRecord,
  RunRecord,
  StoredMessage,
  UserRecord,
} from './records.js';

/**
 * Persistence behind one interface (GUIDE §2): SQLite now, PostgreSQL in issue 6, both held to
 * test/service/contract/store-contract.ts.
 *
 * Unit of work: everything done through one `tx` commits together or not at all, so a change and
 * its audit event (tx.audit.append) are one commit. Work inside a transaction must only touch
 * `tx` (no inference, no network): implementations may serialise transactions.
 */
export interface Store {
  readonly kind: string;
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** A transaction that writes nothing; implementations may run it without a write lock. */
  read<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreTx {
  users: UserRepo;
  cases: CaseRepo;
  exports: ExportRepo;
  messages: MessageRepo;
  runs: RunRepo;
  flags: FlagRepo;
  decisions: DecisionRepo;
  replays: ReplayRepo;
  qc: QcRepo;
  audit: AuditRepo;
}

export interface UserRepo {
  /** Throws `conflict` when the name is taken. */
  insert(user: UserRecord, tokenHash: string): Promise<void>;
  get(id: string): Promise<UserRecord | null>;
  findByTokenHash(tokenHash: string): Promise<UserRecord | null>;
  list(): Promise<UserRecord[]>;
  setDisabled(id: string, disabled: boolean): Promise<void>;
  setTokenHash(id: string, tokenHash: string): Promise<void>;
}

export interface CaseRepo {
  insert(record: CaseRecord): Promise<void>;
  get(id: string): Promise<CaseRecord | null>;
  /** The cases a user is a member of, with their role in each. */
  listForUser(userId: string): Promise<CaseWithRole[]>;
  setStatus(id: string, status: CaseStatus): Promise<void>;
  /** Throws `conflict` when the user is already a member. */
  addMember(member: MembershipRecord): Promise<void>;
  getMember(caseId: string, userId: string): Promise<MembershipRecord | null>;
  listMembers(caseId: string): Promise<MembershipRecord[]>;
}

export interface ExportRepo {
  /** Inserted as `importing`: invisible to get/list until `markReady`. */
  insert(row: ExportRow): Promise<void>;
  markReady(
    id: string,
    result: {
      report: ParseReport;
      format: ExportRow['format'];
      variant: string | null;
      dateOrder: ExportRow['dateOrder'];
      messageCount: number;
      inScopeCount: number;
    },
  ): Promise<void>;
  /** A ready export, or null. */
  get(id: string): Promise<ExportRow | null>;
  listForCase(caseId: string): Promise<ExportRow[]>;
  findReadyBySha256(caseId: string, sha256: string): Promise<ExportRow | null>;
  /** Ids of exports left `importing` (by a crash or a failed upload). */
  listImporting(): Promise<string[]>;
  /** Removes an export that never became ready, with its messages and participants. */
  discard(id: string): Promise<void>;
}

export interface MessageRepo {
  insertMany(exportId: string, messages: readonly NewMessage[]): Promise<void>;
  insertParticipants(participants: readonly ParticipantRecord[]): Promise<void>;
  /**
   * Every read below returns in-scope messages only: out-of-scope ones are stored but no read
   * path reaches them.
   */
  get(messageId: string): Promise<StoredMessage | null>;
  /** In-scope messages of the export with seq in [firstSeq, lastSeq], by seq. */
  range(exportId: string, firstSeq: number, lastSeq: number): Promise<StoredMessage[]>;
  /** Up to `before` and `after` in-scope messages of the same conversation around `seq`. */
  context(
    exportId: string,
    conversationId: string,
    seq: number,
    before: number,
    after: number,
  ): Promise<StoredMessage[]>;
  /** Seqs of in-scope messages with text, ascending: what a run screens. */
  screenableSeqs(exportId: string): Promise<number[]>;
  /** A participant by ordinal, only when at least one of their messages is in scope. */
  participantInScope(exportId: string, ordinal: number): Promise<ParticipantRecord | null>;
}

export interface RunRepo {
  insert(run: RunRecord, batches: readonly BatchRecord[]): Promise<void>;
  get(id: string): Promise<RunRecord | null>;
  listForExport(exportId: string): Promise<RunRecord[]>;
  /** Runs queued or running: what a worker resumes after a restart. */
  listUnfinished(): Promise<RunRecord[]>;
  markRunning(id: string, at: string): Promise<void>;
  getBatch(runId: string, index: number): Promise<BatchRecord | null>;
  pendingBatches(runId: string): Promise<BatchRecord[]>;
  /**
   * Stores a batch's flags and marks it done in one step. Idempotent: when the batch is already
   * done nothing is written and it returns false. Flags get the next per-run seqs.
   */
  completeBatch(
    runId: string,
    index: number,
    flags: readonly NewFlag[],
    screened: number,
  ): Promise<boolean>;
  finish(
    id: string,
    status: Extract<RunStatus, 'done' | 'failed'>,
    at: string,
    error: string | null,
  ): Promise<void>;
}

export interface FlagQuery {
  afterSeq?: number;
  limit: number;
  category?: Category;
  minScore?: number;
  /** Exclusive upper bound, so score bands [min, max) tile without overlap. */
  maxScore?: number;
  /** Only flags with (true) or without (false) at least one decision. */
  decided?: boolean;
}

export interface FlagRepo {
  listForRun(runId: string, query: FlagQuery): Promise<FlagRecord[]>;
  get(id: string): Promise<FlagRecord | null>;
  /** Every flag of a run in message order, for comparisons. */
  allForRun(runId: string): Promise<FlagRecord[]>;
  /** Flags of a case that have at least one decision, by run then seq. */
  decidedForCase(caseId: string): Promise<FlagRecord[]>;
}

export interface DecisionRepo {
  insert(decision: DecisionRecord): Promise<void>;
  listForFlag(flagId: string): Promise<DecisionRecord[]>;
  listForCase(caseId: string): Promise<DecisionRecord[]>;
  /** Every decision on the run's flags, by decidedAt then id (the review queue's state). */
  listForRun(runId: string): Promise<DecisionRecord[]>;
}

export interface ReplayRepo {
  insert(replay: ReplayRecord): Promise<void>;
  get(id: string): Promise<ReplayRecord | null>;
}

/** Blind second review (QC): samples, their items and the second reviewers' decisions. */
export interface QcRepo {
  /** A sample and its items, together. */
  insertSample(sample: QcSampleRecord, items: readonly QcItemRecord[]): Promise<void>;
  /** The run's samples, oldest first (createdAt, then id). */
  listSamples(runId: string): Promise<QcSampleRecord[]>;
  getItem(id: string): Promise<QcItemRecord | null>;
  /** Every item of the run's samples: by sample (createdAt, id), then position. */
  listItems(runId: string): Promise<QcItemRecord[]>;
  insertDecision(decision: QcDecisionRecord): Promise<void>;
  /** Every second-review decision of the run, by decidedAt then id. */
  listDecisions(runId: string): Promise<QcDecisionRecord[]>;
}

export interface AuditQuery {
  afterSeq?: number;
  limit: number;
  /** Only events of these cases, plus (with includeCaseless) events without a case. */
  caseIds?: readonly string[];
  includeCaseless?: boolean;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export interface AuditRepo {
  /**
   * Appends an event after the current head: assigns seq and hashes (domain auditEventHash) and
   * moves the head, all in this transaction. Implementations serialise appends.
   */
  append(input: AuditEventInput): Promise<AuditEvent>;
  list(query: AuditQuery): Promise<AuditEvent[]>;
  /** Events in seq order exactly as stored, for verification. */
  scan(afterSeq: number, limit: number): Promise<AuditEvent[]>;
  /** The head as last written by append; verification compares it with the last event. */
  head(): Promise<{ seq: number; hash: string } | null>;
}
