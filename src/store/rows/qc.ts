import type { QcDecisionRecord, QcItemKind, QcItemRecord, QcSampleRecord } from '../records.js';
import { fromJson } from './columns.js';

/** A row of `qc_samples`. */
export interface QcSampleRow {
  id: string;
  run_id: string;
  case_id: string;
  seed: string;
  flag_share: number;
  unflagged_requested: number;
  reviewer_ids: string;
  flags_eligible: number;
  flags_drawn: number;
  unflagged_eligible: number;
  unflagged_drawn: number;
  created_at: string;
  created_by: string;
}

/** A row of `qc_items`. */
export interface QcItemRow {
  id: string;
  sample_id: string;
  run_id: string;
  case_id: string;
  position: number;
  kind: string;
  flag_id: string | null;
  message_id: string;
  message_seq: number;
  first_decision_id: string | null;
  assigned_to: string;
}

/** A row of `qc_decisions`. */
export interface QcDecisionRow {
  id: string;
  item_id: string;
  run_id: string;
  case_id: string;
  outcome: string;
  reason: string;
  decided_by: string;
  decided_at: string;
}

export function toQcSample(row: QcSampleRow): QcSampleRecord {
  return {
    id: row.id,
    runId: row.run_id,
    caseId: row.case_id,
    seed: row.seed,
    flagShare: row.flag_share,
    unflaggedRequested: row.unflagged_requested,
    reviewerIds: fromJson<string[]>(row.reviewer_ids),
    flagsEligible: row.flags_eligible,
    flagsDrawn: row.flags_drawn,
    unflaggedEligible: row.unflagged_eligible,
    unflaggedDrawn: row.unflagged_drawn,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function toQcItem(row: QcItemRow): QcItemRecord {
  return {
    id: row.id,
    sampleId: row.sample_id,
    runId: row.run_id,
    caseId: row.case_id,
    position: row.position,
    kind: row.kind as QcItemKind,
    flagId: row.flag_id,
    messageId: row.message_id,
    messageSeq: row.message_seq,
    firstDecisionId: row.first_decision_id,
    assignedTo: row.assigned_to,
  };
}

export function toQcDecision(row: QcDecisionRow): QcDecisionRecord {
  return {
    id: row.id,
    itemId: row.item_id,
    runId: row.run_id,
    caseId: row.case_id,
    outcome: row.outcome as QcDecisionRecord['outcome'],
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}
