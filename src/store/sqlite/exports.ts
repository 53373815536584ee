import type { Database } from 'better-sqlite3';
import { toJson } from '../rows/columns.js';
import { type ExportTableRow, toExport } from '../rows/exports.js';
import type { ExportRepo } from '../store.js';

export function sqliteExports(db: Database): ExportRepo {
  const insert = db.prepare(
    `INSERT INTO exports (id, case_id, status, sha256, byte_size, file_name, format, variant, timezone,
       date_order, report, message_count, in_scope_count, created_at, created_by)
     VALUES (@id, @caseId, @status, @sha256, @byteSize, @fileName, @format, @variant, @timezone,
       @dateOrder, @report, @messageCount, @inScopeCount, @createdAt, @createdBy)`,
  );
  const markReady = db.prepare(
    `UPDATE exports SET status = 'ready', report = @report, format = @format, variant = @variant,
       date_order = @dateOrder, message_count = @messageCount, in_scope_count = @inScopeCount
     WHERE id = @id AND status = 'importing'`,
  );
  const byId = db.prepare(`SELECT * FROM exports WHERE id = ? AND status = 'ready'`);
  const forCase = db.prepare(
    `SELECT * FROM exports WHERE case_id = ? AND status = 'ready' ORDER BY created_at, id`,
  );
  const bySha = db.prepare(
    `SELECT * FROM exports WHERE case_id = ? AND sha256 = ? AND status = 'ready'`,
  );
  const importing = db.prepare(`SELECT id FROM exports WHERE status = 'importing' ORDER BY id`);
  const deleteMessages = db.prepare('DELETE FROM messages WHERE export_id = ?');
  const deleteParticipants = db.prepare('DELETE FROM participants WHERE export_id = ?');
  const deleteExport = db.prepare(`DELETE FROM exports WHERE id = ? AND status = 'importing'`);
  return {
    async insert(row) {
      insert.run({ ...row, report: row.report === null ? null : toJson(row.report) });
    },
    async markReady(id, result) {
      markReady.run({ id, ...result, report: toJson(result.report) });
    },
    async get(id) {
      const row = byId.get(id) as ExportTableRow | undefined;
      return row === undefined ? null : toExport(row);
    },
    async listForCase(caseId) {
      return (forCase.all(caseId) as ExportTableRow[]).map(toExport);
    },
    async findReadyBySha256(caseId, sha256) {
      const row = bySha.get(caseId, sha256) as ExportTableRow | undefined;
      return row === undefined ? null : toExport(row);
    },
    async listImporting() {
      return (importing.all() as { id: string }[]).map((row) => row.id);
    },
    async discard(id) {
      const info = deleteExport.run(id);
      if (info.changes === 0) return;
      deleteMessages.run(id);
      deleteParticipants.run(id);
    },
  };
}
