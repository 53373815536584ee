import type { CaseRecord, CaseRole, CaseScope, CaseStatus } from '../../domain/index.js';
import type { MembershipRecord } from '../records.js';
import { fromJson } from './columns.js';

/** A row of `cases`. */
export interface CaseRow {
  id: string;
  reference: string;
  legal_basis: string;
  authorised_by: string;
  scope: string;
  expires_at: string;
  status: string;
  created_at: string;
  created_by: string;
}

/** A row of `memberships`. */
export interface MemberRow {
  case_id: string;
  user_id: string;
  role: string;
  added_at: string;
  added_by: string;
}

export function toCase(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    reference: row.reference,
    legalBasis: row.legal_basis,
    authorisedBy: row.authorised_by,
    scope: fromJson<CaseScope>(row.scope),
    expiresAt: row.expires_at,
    status: row.status as CaseStatus,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function toMember(row: MemberRow): MembershipRecord {
  return {
    caseId: row.case_id,
    userId: row.user_id,
    role: row.role as CaseRole,
    addedAt: row.added_at,
    addedBy: row.added_by,
  };
}
