import type { Database } from 'better-sqlite3';

/**
 * Schema migrations, applied in order on open; `PRAGMA user_version` records how many ran.
 * Never edit a migration that has shipped: append a new one.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    authorised_by TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE TABLE memberships (
    case_id TEXT NOT NULL REFERENCES cases(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    PRIMARY KEY (case_id, user_id)
  );
  CREATE INDEX memberships_user ON memberships(user_id);
  CREATE TABLE exports (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    status TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    format TEXT,
    variant TEXT,
    timezone TEXT NOT NULL,
    date_order TEXT,
    report TEXT,
    message_count INTEGER NOT NULL,
    in_scope_count INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE INDEX exports_case ON exports(case_id, sha256);
  CREATE TABLE participants (
    export_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    ordinal INTEGER,
    PRIMARY KEY (export_id, participant_id),
    UNIQUE (export_id, ordinal)
  );
  CREATE TABLE messages (
    export_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    conversation_title TEXT,
    sender_id TEXT,
    sent_at TEXT,
    sent_at_local TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    attachments TEXT NOT NULL,
    edited INTEGER NOT NULL,
    reply_to TEXT,
    source TEXT NOT NULL,
    in_scope INTEGER NOT NULL,
    PRIMARY KEY (export_id, seq)
  );
  CREATE UNIQUE INDEX messages_id ON messages(id);
  CREATE INDEX messages_conversation ON messages(export_id, conversation_id, seq);
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    export_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    base_run_id TEXT,
    model_id TEXT NOT NULL,
    model_sha256 TEXT NOT NULL,
    batch_size INTEGER NOT NULL,
    batch_count INTEGER NOT NULL,
    batches_done INTEGER NOT NULL,
    screened INTEGER NOT NULL,
    flag_count INTEGER NOT NULL,
    totals TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT
  );
  CREATE INDEX runs_export ON runs(export_id);
  CREATE INDEX runs_status ON runs(status);
  CREATE TABLE run_batches (
    run_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    size INTEGER NOT NULL,
    done INTEGER NOT NULL,
    PRIMARY KEY (run_id, idx)
  );
  CREATE TABLE flags (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    batch_idx INTEGER NOT NULL,
    message_id TEXT NOT NULL,
    message_seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    category TEXT NOT NULL,
    score REAL NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (run_id, seq)
  );
  CREATE INDEX flags_run_message ON flags(run_id, message_seq, start);
  CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    flag_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL
  );
  CREATE INDEX decisions_flag ON decisions(flag_id);
  CREATE INDEX decisions_case ON decisions(case_id);
  CREATE TABLE replays (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    base_run_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    case_id TEXT,
    subject_type TEXT,
    subject_id TEXT,
    justification TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_case ON audit_events(case_id, seq);
  CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
  );
  `,
  // 2: the source's own message id (Telegram ids, Slack ts...), shown in reports as provenance.
  `ALTER TABLE messages ADD COLUMN source_id TEXT;`,
  // 3: the review queue reads a run's decisions at once; blind second review (QC) samples.
  `
  CREATE INDEX decisions_run ON decisions(run_id, decided_at);
  CREATE TABLE qc_samples (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    seed TEXT NOT NULL,
    flag_share REAL NOT NULL,
    unflagged_requested INTEGER NOT NULL,
    reviewer_ids TEXT NOT NULL,
    flags_eligible INTEGER NOT NULL,
    flags_drawn INTEGER NOT NULL,
    unflagged_eligible INTEGER NOT NULL,
    unflagged_drawn INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE INDEX qc_samples_run ON qc_samples(run_id, created_at);
  CREATE TABLE qc_items (
    id TEXT PRIMARY KEY,
    sample_id TEXT NOT NULL REFERENCES qc_samples(id),
    run_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    flag_id TEXT,
    message_id TEXT NOT NULL,
    message_seq INTEGER NOT NULL,
    first_decision_id TEXT,
    assigned_to TEXT NOT NULL,
    UNIQUE (sample_id, position)
  );
  CREATE INDEX qc_items_run ON qc_items(run_id);
  CREATE TABLE qc_decisions (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES qc_items(id),
    run_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL
  );
  CREATE INDEX qc_decisions_run ON qc_decisions(run_id, decided_at);
  `,
];

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true });
  const applied = typeof current === 'number' ? current : 0;
  for (let version = applied; version < MIGRATIONS.length; version += 1) {
    const sql = MIGRATIONS[version];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
