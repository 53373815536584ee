import type { Database } from 'better-sqlite3';
import { type ReplayRow, toReplay } from '../rows/replays.js';
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
      const row = byId.get(id) as ReplayRow | undefined;
      return row === undefined ? null : toReplay(row);
    },
  };
}
