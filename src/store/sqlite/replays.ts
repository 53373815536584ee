import type { Database } from 'better-sqlite3';
import type { ReplayRecord } from '../records.js';
import type { ReplayRepo } from '../store.js';

export function sqliteReplays(db: Database): ReplayRepo {
  const insert = db.prepare(
    `INSERT INTO replays (id, case_id, kind, base_run_id, run_id, created_at, created_by)
     VALUES (@id, @caseId, @kind, @baseRunId, @runId, @createdAt, @createdBy)`,
  );
  const byId = db.prepare('SELECT * FROM replays WHERE id = ?');
  return {
    async insert(replay) {
      insert.run(replay);
    },
    async get(id) {
      const row = byId.get(id) as
        | {
            id: string;
            case_id: string;
            kind: string;
            base_run_id: string;
            run_id: string;
            created_at: string;
            created_by: string;
          }
        | undefined;
      if (row === undefined) return null;
      const replay: ReplayRecord = {
        id: row.id,
        caseId: row.case_id,
        kind: row.kind as ReplayRecord['kind'],
        baseRunId: row.base_run_id,
        runId: row.run_id,
        createdAt: row.created_at,
        createdBy: row.created_by,
      };
      return replay;
    },
  };
}
