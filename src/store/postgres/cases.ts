import { type CaseRole, ChatscreenError } from '../../domain/index.js';
import { type CaseRow, type MemberRow, toCase, toMember } from '../rows/cases.js';
import { toJson } from '../rows/columns.js';
import type { CaseRepo } from '../store.js';
import { type Db, isUniqueViolation } from './db.js';

export function pgCases(db: Db): CaseRepo {
  return {
    async insert(r) {
      await db.run(
        `INSERT INTO cases (id, reference, legal_basis, authorised_by, scope, expires_at, status, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          r.id,
          r.reference,
          r.legalBasis,
          r.authorisedBy,
          toJson(r.scope),
          r.expiresAt,
          r.status,
          r.createdAt,
          r.createdBy,
        ],
      );
    },
    async get(id) {
      const row = await db.one<CaseRow>('SELECT * FROM cases WHERE id = $1', [id]);
      return row === null ? null : toCase(row);
    },
    async listForUser(userId) {
      const rows = await db.rows<CaseRow & { member_role: string }>(
        `SELECT c.*, m.role AS member_role FROM cases c JOIN memberships m ON m.case_id = c.id
         WHERE m.user_id = $1 ORDER BY c.created_at, c.id`,
        [userId],
      );
      return rows.map((row) => ({ ...toCase(row), memberRole: row.member_role as CaseRole }));
    },
    async setStatus(id, status) {
      await db.run('UPDATE cases SET status = $1 WHERE id = $2', [status, id]);
    },
    async addMember(m) {
      try {
        await db.savepoint(() =>
          db.run(
            `INSERT INTO memberships (case_id, user_id, role, added_at, added_by)
             VALUES ($1, $2, $3, $4, $5)`,
            [m.caseId, m.userId, m.role, m.addedAt, m.addedBy],
          ),
        );
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ChatscreenError('conflict', 'the user is already a member of the case');
        throw error;
      }
    },
    async getMember(caseId, userId) {
      const row = await db.one<MemberRow>(
        'SELECT * FROM memberships WHERE case_id = $1 AND user_id = $2',
        [caseId, userId],
      );
      return row === null ? null : toMember(row);
    },
    async listMembers(caseId) {
      const rows = await db.rows<MemberRow>(
        'SELECT * FROM memberships WHERE case_id = $1 ORDER BY added_at, user_id',
        [caseId],
      );
      return rows.map(toMember);
    },
  };
}
