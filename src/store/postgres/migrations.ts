import type { PoolClient } from 'pg';

/**
 * Schema migrations for PostgreSQL, applied in order on start; `schema_migrations` records which
 * ran. Never edit a migration that has shipped: append a new one. Numbering is this store's own
 * (the SQLite list differs in history, not in the shape the Store contract sees).
 *
 * Types are chosen for exact round trips with the SQLite store: ids and ISO-8601 instants are
 * `text COLLATE "C"` (byte order, as SQLite compares, whatever the database's locale), JSON is
 * kept as the text written (never re-serialised: audit details are hashed), scores are `double
 * precision` (never `real`, which would round them).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id text COLLATE "C" PRIMARY KEY,
    name text COLLATE "C" NOT NULL UNIQUE,
    role text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    token_hash text COLLATE "C" NOT NULL UNIQUE,
    created_at text COLLATE "C" NOT NULL
  );
  CREATE TABLE cases (
    id text COLLATE "C" PRIMARY KEY,
    reference text NOT NULL,
    legal_basis text NOT NULL,
    authorised_by text NOT NULL,
    scope text NOT NULL,
    expires_at text COLLATE "C" NOT NULL,
    status text NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    created_by text COLLATE "C" NOT NULL
  );
  CREATE TABLE memberships (
    case_id text COLLATE "C" NOT NULL REFERENCES cases(id),
    user_id text COLLATE "C" NOT NULL REFERENCES users(id),
    role text NOT NULL,
    added_at text COLLATE "C" NOT NULL,
    added_by text COLLATE "C" NOT NULL,
    PRIMARY KEY (case_id, user_id)
  );
  CREATE INDEX memberships_user ON memberships(user_id);
  CREATE TABLE exports (
    id text COLLATE "C" PRIMARY KEY,
    case_id text COLLATE "C" NOT NULL REFERENCES cases(id),
    status text NOT NULL,
    sha256 text COLLATE "C" NOT NULL,
    byte_size bigint NOT NULL,
    file_name text NOT NULL,
    format text,
    variant text,
    timezone text NOT NULL,
    date_order text,
    report text,
    message_count integer NOT NULL,
    in_scope_count integer NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    created_by text COLLATE "C" NOT NULL
  );
  CREATE INDEX exports_case ON exports(case_id, sha256);
  CREATE TABLE participants (
    export_id text COLLATE "C" NOT NULL,
    participant_id text COLLATE "C" NOT NULL,
    name text NOT NULL,
    ordinal integer,
    PRIMARY KEY (export_id, participant_id),
    UNIQUE (export_id, ordinal)
  );
  CREATE TABLE messages (
    export_id text COLLATE "C" NOT NULL,
    seq integer NOT NULL,
    id text COLLATE "C" NOT NULL,
    source_id text,
    conversation_id text COLLATE "C" NOT NULL,
    conversation_title text,
    sender_id text COLLATE "C",
    sent_at text COLLATE "C",
    sent_at_local text,
    kind text NOT NULL,
    text text NOT NULL,
    attachments text NOT NULL,
    edited boolean NOT NULL,
    reply_to text,
    source text NOT NULL,
    in_scope boolean NOT NULL,
    PRIMARY KEY (export_id, seq)
  );
  CREATE UNIQUE INDEX messages_id ON messages(id);
  CREATE INDEX messages_conversation ON messages(export_id, conversation_id, seq);
  CREATE TABLE runs (
    id text COLLATE "C" PRIMARY KEY,
    case_id text COLLATE "C" NOT NULL,
    export_id text COLLATE "C" NOT NULL,
    purpose text NOT NULL,
    base_run_id text COLLATE "C",
    model_id text NOT NULL,
    model_sha256 text NOT NULL,
    batch_size integer NOT NULL,
    batch_count integer NOT NULL,
    batches_done integer NOT NULL,
    screened integer NOT NULL,
    flag_count integer NOT NULL,
    totals text NOT NULL,
    status text NOT NULL,
    error text,
    created_at text COLLATE "C" NOT NULL,
    created_by text COLLATE "C" NOT NULL,
    started_at text COLLATE "C",
    finished_at text COLLATE "C"
  );
  CREATE INDEX runs_export ON runs(export_id);
  CREATE INDEX runs_status ON runs(status);
  CREATE TABLE run_batches (
    run_id text COLLATE "C" NOT NULL,
    idx integer NOT NULL,
    first_seq integer NOT NULL,
    last_seq integer NOT NULL,
    size integer NOT NULL,
    done boolean NOT NULL,
    PRIMARY KEY (run_id, idx)
  );
  CREATE TABLE flags (
    id text COLLATE "C" PRIMARY KEY,
    run_id text COLLATE "C" NOT NULL,
    seq integer NOT NULL,
    batch_idx integer NOT NULL,
    message_id text COLLATE "C" NOT NULL,
    message_seq integer NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    category text COLLATE "C" NOT NULL,
    score double precision NOT NULL,
    text text NOT NULL,
    UNIQUE (run_id, seq)
  );
  CREATE INDEX flags_run_message ON flags(run_id, message_seq, start);
  CREATE TABLE decisions (
    id text COLLATE "C" PRIMARY KEY,
    flag_id text COLLATE "C" NOT NULL,
    run_id text COLLATE "C" NOT NULL,
    case_id text COLLATE "C" NOT NULL,
    outcome text NOT NULL,
    reason text NOT NULL,
    decided_by text COLLATE "C" NOT NULL,
    decided_at text COLLATE "C" NOT NULL
  );
  CREATE INDEX decisions_flag ON decisions(flag_id);
  CREATE INDEX decisions_case ON decisions(case_id);
  CREATE TABLE replays (
    id text COLLATE "C" PRIMARY KEY,
    case_id text COLLATE "C" NOT NULL,
    kind text NOT NULL,
    base_run_id text COLLATE "C" NOT NULL,
    run_id text COLLATE "C" NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    created_by text COLLATE "C" NOT NULL
  );
  -- prev_hash is unique: two events claiming the same predecessor (a fork) cannot both commit.
  CREATE TABLE audit_events (
    seq bigint PRIMARY KEY,
    at text COLLATE "C" NOT NULL,
    actor_kind text NOT NULL,
    actor_id text COLLATE "C",
    action text COLLATE "C" NOT NULL,
    case_id text COLLATE "C",
    subject_type text,
    subject_id text,
    justification text,
    details text NOT NULL,
    prev_hash text NOT NULL UNIQUE,
    hash text NOT NULL
  );
  CREATE INDEX audit_case ON audit_events(case_id, seq);
  -- The head row exists from the start (seq 0 = no events): appends lock it with FOR UPDATE, which
  -- needs a row to lock even for the very first event.
  CREATE TABLE audit_head (
    id integer PRIMARY KEY CHECK (id = 1),
    seq bigint NOT NULL,
    hash text NOT NULL
  );
  INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');
  `,
  // 2: the review queue reads a run's decisions at once; blind second review (QC) samples.
  `
  CREATE INDEX decisions_run ON decisions(run_id, decided_at);
  CREATE TABLE qc_samples (
    id text COLLATE "C" PRIMARY KEY,
    run_id text COLLATE "C" NOT NULL,
    case_id text COLLATE "C" NOT NULL,
    seed text NOT NULL,
    flag_share double precision NOT NULL,
    unflagged_requested integer NOT NULL,
    reviewer_ids text NOT NULL,
    flags_eligible integer NOT NULL,
    flags_drawn integer NOT NULL,
    unflagged_eligible integer NOT NULL,
    unflagged_drawn integer NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    created_by text COLLATE "C" NOT NULL
  );
  CREATE INDEX qc_samples_run ON qc_samples(run_id, created_at);
  CREATE TABLE qc_items (
    id text COLLATE "C" PRIMARY KEY,
    sample_id text COLLATE "C" NOT NULL REFERENCES qc_samples(id),
    run_id text COLLATE "C" NOT NULL,
    case_id text COLLATE "C" NOT NULL,
    position integer NOT NULL,
    kind text NOT NULL,
    flag_id text COLLATE "C",
    message_id text COLLATE "C" NOT NULL,
    message_seq integer NOT NULL,
    first_decision_id text COLLATE "C",
    assigned_to text COLLATE "C" NOT NULL,
    UNIQUE (sample_id, position)
  );
  CREATE INDEX qc_items_run ON qc_items(run_id);
  CREATE TABLE qc_decisions (
    id text COLLATE "C" PRIMARY KEY,
    item_id text COLLATE "C" NOT NULL REFERENCES qc_items(id),
    run_id text COLLATE "C" NOT NULL,
    case_id text COLLATE "C" NOT NULL,
    outcome text NOT NULL,
    reason text NOT NULL,
    decided_by text COLLATE "C" NOT NULL,
    decided_at text COLLATE "C" NOT NULL
  );
  CREATE INDEX qc_decisions_run ON qc_decisions(run_id, decided_at);
  `,
];

/** Applies what is missing, in one transaction on a client that holds the migration lock. */
export async function migrate(client: PoolClient, schema: string): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const applied = rows[0]?.version ?? 0;
    for (let version = applied; version < MIGRATIONS.length; version += 1) {
      const sql = MIGRATIONS[version];
      if (sql === undefined) break;
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
    }
    await client.query('COMMIT');
    return MIGRATIONS.length - applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** A schema name as an SQL identifier; names are checked by config, quoting is belt and braces. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
