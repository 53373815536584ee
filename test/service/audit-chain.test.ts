import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import DatabaseConstructor from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/index.js';
import { runCli } from '../../src/cli/main.js';
import { type AuditEventInput, auditEventHash } from '../../src/domain/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

const DB = 'chatscreen.sqlite';

function event(n: number): AuditEventInput {
  return {
    at: `2024-01-01T00:00:${String(n).padStart(2, '0')}.000Z`,
    actor: { kind: 'user', id: 'u_1' },
    action: 'flag.read',
    caseId: 'c_1',
    subject: { type: 'flag', id: `f_${n}` },
    justification: `reason ${n}`,
    details: { n },
  };
}

/** Edits the database behind the store's back, as someone with file access could. */
function tamper(dir: string, sql: string, ...params: unknown[]): void {
  const db = new DatabaseConstructor(join(dir, DB));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

async function cliVerify(
  dir: string,
  ...extra: string[]
): Promise<{ code: number; out: Record<string, unknown> }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const code = await runCli(['audit', 'verify', '--data-dir', dir, ...extra], {
    stdout,
    stderr,
    env: {},
    cwd: dir,
  });
  stdout.end();
  stderr.end();
  return { code, out: JSON.parse(await text(stdout)) as Record<string, unknown> };
}

describe('the audit chain detects tampering', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chatscreen-audit-'));
    store = openSqliteStore(dir);
    for (let n = 1; n <= 5; n += 1) await store.transaction((tx) => tx.audit.append(event(n)));
    await store.close();
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function verify() {
    store = openSqliteStore(dir);
    const result = await verifyChain(store);
    await store.close();
    return result;
  }

  it('verifies an untouched chain, from the CLI too', async () => {
    expect(await verify()).toMatchObject({ ok: true, events: 5 });
    const cli = await cliVerify(dir);
    expect(cli.code).toBe(0);
    expect(cli.out).toMatchObject({ ok: true, events: 5 });
  });

  it('detects an edited event', async () => {
    tamper(dir, 'UPDATE audit_events SET justification = ? WHERE seq = 3', 'nothing to see');
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: 3, problem: 'hash_mismatch' });
    const cli = await cliVerify(dir);
    expect(cli.code).toBe(2);
    expect(cli.out).toMatchObject({ ok: false, firstBrokenAt: 3 });
  });

  it('detects an edit whose hash was recomputed (the next link breaks)', async () => {
    store = openSqliteStore(dir);
    const events = await store.read((tx) => tx.audit.scan(0, 10));
    await store.close();
    const third = events[2];
    if (third === undefined) throw new Error('missing event');
    const forged = { ...third, details: { n: 999 } };
    const { hash: _old, ...content } = forged;
    tamper(
      dir,
      'UPDATE audit_events SET details = ?, hash = ? WHERE seq = 3',
      JSON.stringify(forged.details),
      auditEventHash(content),
    );
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: 4, problem: 'broken_link' });
  });

  it('detects a deleted event in the middle', async () => {
    tamper(dir, 'DELETE FROM audit_events WHERE seq = 2');
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: 2, problem: 'sequence_gap' });
  });

  it('detects a deleted last event', async () => {
    tamper(dir, 'DELETE FROM audit_events WHERE seq = 5');
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: 5, problem: 'head_mismatch' });
  });

  it('detects reordered events', async () => {
    tamper(dir, 'UPDATE audit_events SET seq = -1 WHERE seq = 2');
    tamper(dir, 'UPDATE audit_events SET seq = 2 WHERE seq = 4');
    tamper(dir, 'UPDATE audit_events SET seq = 4 WHERE seq = -1');
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: 2 });
  });

  it('detects a renumbered chain after a deletion', async () => {
    tamper(dir, 'DELETE FROM audit_events WHERE seq = 3');
    tamper(dir, 'UPDATE audit_events SET seq = seq - 1 WHERE seq > 3');
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenAt).toBe(3);
  });

  it('catches a chain rebuilt wholesale only with an anchor written down before', async () => {
    const before = await verify();
    expect(before).toMatchObject({ ok: true, headSeq: 5 });
    const anchor = { seq: before.headSeq, hash: before.headHash ?? '' };
    // Someone with write access to the file rewrites event 3 and re-hashes everything after it,
    // head included: the chain is consistent again on its own.
    store = openSqliteStore(dir);
    const events = await store.read((tx) => tx.audit.scan(0, 10));
    await store.close();
    let prevHash = events[1]?.hash ?? '';
    for (const original of events.slice(2)) {
      const forged = {
        ...original,
        prevHash,
        details: original.seq === 3 ? { n: 999 } : original.details,
      };
      const { hash: _old, ...content } = forged;
      const hash = auditEventHash(content);
      tamper(
        dir,
        'UPDATE audit_events SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?',
        JSON.stringify(forged.details),
        prevHash,
        hash,
        original.seq,
      );
      prevHash = hash;
    }
    tamper(dir, 'UPDATE audit_head SET hash = ? WHERE id = 1', prevHash);
    expect(await verify()).toMatchObject({ ok: true, events: 5 });

    store = openSqliteStore(dir);
    const anchored = await verifyChain(store, [anchor]);
    await store.close();
    expect(anchored).toMatchObject({ ok: false, firstBrokenAt: 5, problem: 'anchor_mismatch' });
    const cli = await cliVerify(dir, '--anchor', `${anchor.seq}:${anchor.hash}`);
    expect(cli.code).toBe(2);
    expect(cli.out).toMatchObject({ ok: false, firstBrokenAt: 5, problem: 'anchor_mismatch' });
  });

  it('catches a chain cut short below an anchor, and refuses a malformed anchor', async () => {
    const before = await verify();
    tamper(dir, 'DELETE FROM audit_events WHERE seq = 5');
    store = openSqliteStore(dir);
    const events = await store.read((tx) => tx.audit.scan(0, 10));
    await store.close();
    tamper(dir, 'UPDATE audit_head SET seq = 4, hash = ? WHERE id = 1', events[3]?.hash ?? '');
    expect(await verify()).toMatchObject({ ok: true, events: 4 });
    const cli = await cliVerify(dir, '--anchor', `5:${before.headHash}`);
    expect(cli).toMatchObject({
      code: 2,
      out: { ok: false, firstBrokenAt: 5, problem: 'anchor_mismatch' },
    });
    const intact = await cliVerify(dir, '--anchor', `4:${events[3]?.hash}`);
    expect(intact).toMatchObject({ code: 0, out: { ok: true, headSeq: 4 } });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const code = await runCli(['audit', 'verify', '--data-dir', dir, '--anchor', '4:not-a-hash'], {
      stdout,
      stderr,
      env: {},
      cwd: dir,
    });
    stderr.end();
    expect(code).toBe(2);
    expect(await text(stderr)).toMatch(/an anchor is SEQ:HASH.*"4:not-a-hash"; set --anchor/);
  });

  it('keeps verifying after more appends on an intact chain', async () => {
    store = openSqliteStore(dir);
    await store.transaction((tx) => tx.audit.append(event(6)));
    await store.close();
    expect(await verify()).toMatchObject({ ok: true, events: 6 });
  });
});
