import { toJson } from '../rows/columns.js';
import { type ExportTableRow, toExport } from '../rows/exports.js';
import type { ExportRepo } from '../store.js';
import type { Db } from './db.js';

export function pgExports(db: Db): ExportRepo {
  return {
    async insert(e) {
      await db.run(
        `INSERT INTO exports (id, case_id, status, sha256, byte_size, file_name, format, variant, timezone,
           date_order, report, message_count, in_scope_count, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          e.id,
          e.caseId,
          e.status,
          e.sha256,
          e.byteSize,
          e.fileName,
          e.format,
          e.variant,
          e.timezone,
          e.dateOrder,
          e.report === null ? null : toJson(e.report),
          e.messageCount,
          e.inScopeCount,
          e.createdAt,
          e.createdBy,
        ],
      );
    },
    async markReady(id, r) {
      await db.run(
        `UPDATE exports SET status = 'ready', report = $2, format = $3, variant = $4,
           date_order = $5, message_count = $6, in_scope_count = $7
         WHERE id = $1 AND status = 'importing'`,
        [id, toJson(r.report), r.format, r.variant, r.dateOrder, r.messageCount, r.inScopeCount],
      );
    },
    async get(id) {
      const row = await db.one<ExportTableRow>(
        `SELECT * FROM exports WHERE id = $1 AND status = 'ready'`,
        [id],
      );
      return row === null ? null : toExport(row);
    },
    async listForCase(caseId) {
      const rows = await db.rows<ExportTableRow>(
        `SELECT * FROM exports WHERE case_id = $1 AND status = 'ready' ORDER BY created_at, id`,
        [caseId],
      );
      return rows.map(toExport);
    },
    async findReadyBySha256(caseId, sha256) {
      const row = await db.one<ExportTableRow>(
        `SELECT * FROM exports WHERE case_id = $1 AND sha256 = $2 AND status = 'ready'`,
        [caseId, sha256],
      );
      return row === null ? null : toExport(row);
    },
    async listImporting() {
      const rows = await db.rows<{ id: string }>(
        `SELECT id FROM exports WHERE status = 'importing' ORDER BY id`,
      );
      return rows.map((row) => row.id);
    },
    async discard(id) {
      const removed = await db.run(`DELETE FROM exports WHERE id = $1 AND status = 'importing'`, [
        id,
      ]);
      if (removed === 0) return;
      await db.run('DELETE FROM messages WHERE export_id = $1', [id]);
      await db.run('DELETE FROM participants WHERE export_id = $1', [id]);
    },
  };
}
