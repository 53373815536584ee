/**
 * The API's shapes as the page reads them (docs/api.md, /openapi.json). Written out here rather
 * than imported: the page is built apart from the service and must not pull Node code in.
 */
export type Role = 'admin' | 'investigator' | 'reviewer' | 'auditor';
export type CaseRole = 'investigator' | 'reviewer' | 'auditor';
export type Outcome = 'relevant' | 'not_relevant' | 'needs_second_review';
export type Category =
  | 'race'
  | 'religion'
  | 'sex'
  | 'sexual_orientation'
  | 'gender_identity'
  | 'disability'
  | 'threat'
  | 'sexual_violence'
  | 'insult'
  | 'profanity';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  field?: string;
}

export interface Me {
  id: string;
  name: string;
  role: Role;
}

export interface CaseScope {
  participants: string[] | null;
  from: string | null;
  to: string | null;
}

export interface CaseView {
  id: string;
  reference: string;
  legalBasis: string;
  authorisedBy: string;
  scope: CaseScope;
  expiresAt: string;
  status: 'open' | 'closed';
  createdAt: string;
  createdBy: string;
  open: boolean;
  myRole: CaseRole | null;
}

export interface Membership {
  caseId: string;
  userId: string;
  role: CaseRole;
  addedAt: string;
  addedBy: string;
}

export interface CaseDetail extends CaseView {
  members: Membership[];
}

export interface UserView {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
}

export interface ModelRef {
  id: string;
  sha256: string;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface RunProgress {
  batchesDone: number;
  batchCount: number;
  screened: number;
  screenable: number;
  fraction: number;
}

export interface RunCounts {
  messages: number;
  inScope: number;
  outOfScope: number;
  screenable: number;
  screened: number;
  flags: number;
}

export interface RunView {
  id: string;
  caseId: string;
  exportId: string;
  purpose: 'screen' | 'replay' | 'compare';
  baseRunId: string | null;
  status: RunStatus;
  model: ModelRef;
  progress: RunProgress;
  counts: RunCounts;
  error: string | null;
  createdAt: string;
  createdBy: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ExportView {
  id: string;
  caseId: string;
  fileName: string;
  sha256: string;
  byteSize: number;
  format: string | null;
  timezone: string;
  messageCount: number;
  inScope: number;
  outOfScope: number;
  createdAt: string;
  createdBy: string;
}

export interface ExportWithRuns extends ExportView {
  runs: RunView[];
}

export interface FlagView {
  id: string;
  runId: string;
  seq: number;
  messageId: string;
  messageSeq: number;
  /** UTF-16 code units into the message text, end exclusive. */
  start: number;
  end: number;
  category: Category;
  score: number;
  text: string;
  model: ModelRef;
}

export interface MessageView {
  id: string;
  sourceId: string | null;
  seq: number;
  conversationId: string;
  conversationTitle: string | null;
  sender: { ordinal: number; label: string } | null;
  sentAt: string | null;
  sentAtLocal: string | null;
  kind: string;
  text: string;
  attachments: { type: string; fileName: string | null }[];
  edited: boolean;
  replyTo: string | null;
  source: { file: string; byteOffset: number; byteLength: number; line: number | null };
}

export interface Decision {
  id: string;
  flagId: string;
  runId: string;
  caseId: string;
  outcome: Outcome;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export interface FlagDetail {
  flag: FlagView;
  message: MessageView;
  before: MessageView[];
  after: MessageView[];
  decisions: Decision[];
  blind: boolean;
}

export interface DecisionState {
  flagId: string;
  decisionId: string;
  outcome: Outcome;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  count: number;
}

export interface Unmasked {
  exportId: string;
  ordinal: number;
  label: string;
  name: string;
}

export interface Proportion {
  count: number;
  total: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export interface QcSample {
  id: string;
  runId: string;
  seed: string;
  flagShare: number;
  unflaggedRequested: number;
  reviewerIds: string[];
  flagsEligible: number;
  flagsDrawn: number;
  unflaggedEligible: number;
  unflaggedDrawn: number;
  createdAt: string;
  createdBy: string;
}

export interface QcSummary {
  samples: QcSample[];
  progress: { items: number; decided: number };
  stats: {
    method: 'wilson-95';
    flags: {
      sampled: number;
      reviewed: number;
      agreement: Proportion;
      overturn: Proportion;
    };
    unflagged: {
      sampled: number;
      reviewed: number;
      missed: Proportion;
      population: number;
      estimatedMissed: { value: number; low: number; high: number } | null;
    };
  };
}

export interface QcItemSummary {
  id: string;
  sampleId: string;
  runId: string;
  position: number;
  kind: 'flag' | 'message';
  outcome: Outcome | null;
  decidedAt: string | null;
}

export interface QcDecision {
  id: string;
  itemId: string;
  outcome: Outcome;
  reason: string;
  decidedAt: string;
}

export interface QcItemDetail {
  item: { id: string; sampleId: string; runId: string; position: number; kind: 'flag' | 'message' };
  flag: FlagView | null;
  message: MessageView;
  before: MessageView[];
  after: MessageView[];
  decision: QcDecision | null;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: { kind: 'user' | 'operator' | 'system'; id: string | null };
  action: string;
  caseId: string | null;
  subject: { type: string; id: string } | null;
  justification: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  events: number;
  firstBrokenAt?: number;
  problem?: string;
  headSeq: number;
  headHash: string | null;
}

export type ModelInfo =
  | {
      ok: true;
      id: string;
      sha256: string;
      version: string;
      created: string;
      kind: string;
      description: string;
      categories: Category[];
      thresholds: Partial<Record<Category, number>>;
      card: string | null;
      isDefault: boolean;
    }
  | { ok: false; id: string; error: { code: string; detail: string } };

export interface FlagKey {
  messageId: string;
  start: number;
  end: number;
  category: Category;
  score: number;
}

export interface Replay {
  id: string;
  kind: 'replay' | 'compare';
  status: RunStatus;
  base: RunView;
  run: RunView;
  result: {
    identical: boolean;
    unchanged: number;
    counts: { added: number; removed: number; changed: number };
    added: FlagKey[];
    removed: FlagKey[];
    changed: { base: FlagKey; other: FlagKey }[];
  } | null;
}

export interface CaseReport {
  generatedAt: string;
  case: Pick<
    CaseView,
    'id' | 'reference' | 'legalBasis' | 'authorisedBy' | 'scope' | 'expiresAt' | 'status'
  >;
  exports: {
    id: string;
    fileName: string;
    sha256: string;
    byteSize: number;
    format: string | null;
    timezone: string;
    uploadedAt: string;
    uploadedBy: string;
    messageCount: number;
    inScope: number;
    outOfScope: number;
  }[];
  runs: { id: string; exportId: string; purpose: string; model: ModelRef; status: string }[];
  reviewedFlags: {
    flagId: string;
    runId: string;
    message: MessageView;
    machine: {
      start: number;
      end: number;
      text: string;
      category: Category;
      score: number;
      model: ModelRef;
    };
    human: ReportDecision[];
    /** The blind second reviewer's decisions, made without seeing `human`. */
    secondReview: ReportDecision[];
  }[];
  /** Unflagged messages a blind second reviewer judged relevant. */
  unflaggedFoundRelevant: { runId: string; message: MessageView; secondReview: ReportDecision[] }[];
}

export interface ReportDecision {
  id: string;
  outcome: Outcome;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}
