import type { Database } from 'better-sqlite3';
import { type CaseRole, ChatscreenError } from '../../domain/index.js';
import { type CaseRow, type MemberRow, toCase, toMember } from '../rows/cases.js';
import { toJson } from '../rows/columns.js';
import type { CaseRepo } from '../store.js';
import { isUniqueViolation } from './errors.js';

export function sqliteCases(db: Database): CaseRepo {
  const insert = db.prepare(
    `INSERT INTO cases (id, reference, legal_basis, authorised_by, scope, expires_at, status, created_at, created_by)
     VALUES (@id, @reference, @legalBasis, @authorisedBy, @scope, @expiresAt, @status, @createdAt, @createdBy)`,
  );
  const byId = db.prepare('SELECT * FROM cases WHERE id = ?');
  const forUser = db.prepare(
    `SELECT c.*, m.role AS member_role FROM cases c JOIN memberships m ON m.case_id = c.id
     WHERE m.user_id = ? ORDER BY c.created_at, c.id`,
  );
  const setStatus = db.prepare('UPDATE cases SET status = ? WHERE id = ?');
  const addMember = db.prepare(
    'INSERT INTO memberships (case_id, user_id, role, added_at, added_by) VALUES (?, ?, ?, ?, ?)',
  );
  const getMember = db.prepare('SELECT * FROM memberships WHERE case_id = ? AND user_id = ?');
  const listMembers = db.prepare(
    'SELECT * FROM memberships WHERE case_id = ? ORDER BY added_at, user_id',
  );
  return {
    async insert(record) {
      insert.run({ ...record, scope: toJson(record.scope) });
    },
    async get(id) {
      const row = byId.get(id) as CaseRow | undefined;
      return row === undefined ? null : toCase(row);
    },
    async listForUser(userId) {
      const rows = forUser.all(userId) as (CaseRow & { member_role: string })[];
      return rows.map((row) => ({ ...toCase(row), memberRole: row.member_role as CaseRole }));
    },
    async setStatus(id, status) {
      setStatus.run(status, id);
    },
    async addMember(member) {
      try {
        addMember.run(member.caseId, member.userId, member.role, member.addedAt, member.addedBy);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ChatscreenError('conflict', 'the user is already a member of the case');
        throw error;
      }
    },
    async getMember(caseId, userId) {
      const row = getMember.get(caseId, userId) as MemberRow | undefined;
      return row === undefined ? null : toMember(row);
    },
    async listMembers(caseId) {
      return (listMembers.all(caseId) as MemberRow[]).map(toMember);
    },
  };
}
