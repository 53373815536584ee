import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AuditEventInput,
  auditEventHash,
  GENESIS_HASH,
  isChatscreenError,
} from '../../../src/domain/index.js';
import type { AuditQuery, ExportRow, NewFlag, Store } from '../../../src/store/index.js';
import { caseRecord, message, NOW, parseReport, run, user } from './builders.js';
import { describeReviewContract } from './review-contract.js';

/**
 * The Store contract (GUIDE §2): written once, run against every implementation. SQLite runs it
 * in test/service/store-sqlite.test.ts; the PostgreSQL store (issue 6) calls this function too.
 */
export interface StoreHarness {
  store: Store;
  /** Closes the store and opens the same database again. */
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

const EXPORT: ExportRow = {
  id: 'x1',
  caseId: 'c1',
  status: 'importing',
  sha256: 'b'.repeat(64),
  byteSize: 100,
  fileName: 'chat.txt',
  format: null,
  variant: null,
  timezone: 'Europe/London',
  dateOrder: null,
  report: null,
  messageCount: 0,
  inScopeCount: 0,
  createdAt: NOW,
  createdBy: 'u1',
};

const REPORT = parseReport(4, 2);

function event(n: number, caseId: string | null = 'c1'): AuditEventInput {
  return {
    at: NOW,
    actor: { kind: 'user', id: 'u1' },
    action: 'flag.read',
    caseId,
    subject: { type: 'flag', id: `f${n}` },
    justification: 'checking the flag',
    details: { n, nested: { b: [1, 2], a: null } },
  };
}

function flag(id: string, messageSeq: number, start = 0): NewFlag {
  return {
    id,
    messageId: `x1-m${messageSeq}`,
    messageSeq,
    start,
    end: start + 4,
    category: 'insult',
    score: 1 / 3,
    text: 'text',
  };
}

async function seedExport(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.users.insert(user('u1'), 'hash-u1');
    await tx.cases.insert(caseRecord('c1'));
    await tx.exports.insert(EXPORT);
    await tx.messages.insertMany('x1', [
      message('x1', 0),
      message('x1', 1, { senderId: 'p_out', inScope: false, text: 'out of scope' }),
      message('x1', 2, { text: '👩‍👩‍👧 مرحبا e\u0301 \u200f' }),
      message('x1', 3, { text: '' }),
      message('x1', 4, { conversationId: 'conv2' }),
    ]);
    await tx.messages.insertParticipants([
      { exportId: 'x1', participantId: 'p_a', name: 'Alice', ordinal: 1 },
      { exportId: 'x1', participantId: 'p_out', name: 'Outsider', ordinal: null },
    ]);
    await tx.exports.markReady('x1', {
      report: REPORT,
      format: 'jsonl',
      variant: null,
      dateOrder: null,
      messageCount: 5,
      inScopeCount: 4,
    });
  });
}

async function seedRun(store: Store, id = 'r1'): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.runs.insert(run(id, 'x1', { batchCount: 2 }), [
      { runId: id, index: 0, firstSeq: 0, lastSeq: 2, size: 2, done: false },
      { runId: id, index: 1, firstSeq: 4, lastSeq: 4, size: 1, done: false },
    ]);
  });
}

export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    describe('transactions', () => {
      it('commits everything together', async () => {
        await store.transaction(async (tx) => {
          await tx.users.insert(user('u1'), 'h1');
          await tx.audit.append(event(1, null));
        });
        const [found, events] = await store.read(async (tx) => [
          await tx.users.get('u1'),
          await tx.audit.scan(0, 10),
        ]);
        expect(found?.name).toBe('user u1');
        expect(events).toHaveLength(1);
      });

      it('rolls back the change and its audit event together', async () => {
        await expect(
          store.transaction(async (tx) => {
            await tx.users.insert(user('u1'), 'h1');
            await tx.audit.append(event(1, null));
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        const [found, events, head] = await store.read(async (tx) => [
          await tx.users.get('u1'),
          await tx.audit.scan(0, 10),
          await tx.audit.head(),
        ]);
        expect(found).toBeNull();
        expect(events).toEqual([]);
        expect(head).toBeNull();
      });

      it('keeps data across reopening', async () => {
        await store.transaction((tx) => tx.users.insert(user('u1'), 'h1'));
        store = await harness.reopen();
        expect(await store.read((tx) => tx.users.get('u1'))).not.toBeNull();
      });
    });

    describe('users', () => {
      it('finds users by token hash, lists them and disables them', async () => {
        await store.transaction(async (tx) => {
          await tx.users.insert(user('u1', { role: 'admin' }), 'h1');
          await tx.users.insert(user('u2', { role: 'reviewer' }), 'h2');
        });
        await store.transaction((tx) => tx.users.setDisabled('u2', true));
        await store.transaction((tx) => tx.users.setTokenHash('u1', 'h1b'));
        const result = await store.read(async (tx) => ({
          byOld: await tx.users.findByTokenHash('h1'),
          byNew: await tx.users.findByTokenHash('h1b'),
          all: await tx.users.list(),
        }));
        expect(result.byOld).toBeNull();
        expect(result.byNew?.id).toBe('u1');
        expect(result.all.map((u) => [u.id, u.role, u.disabled])).toEqual([
          ['u1', 'admin', false],
          ['u2', 'reviewer', true],
        ]);
      });

      it('refuses a duplicate name with conflict', async () => {
        await store.transaction((tx) => tx.users.insert(user('u1'), 'h1'));
        const error = await store
          .transaction((tx) => tx.users.insert(user('u2', { name: 'user u1' }), 'h2'))
          .catch((e: unknown) => e);
        expect(isChatscreenError(error) && error.code).toBe('conflict');
      });

      it('leaves the transaction usable after a refused duplicate', async () => {
        await store.transaction((tx) => tx.users.insert(user('u1'), 'h1'));
        await store.transaction(async (tx) => {
          const error = await tx.users
            .insert(user('u2', { name: 'user u1' }), 'h2')
            .catch((e: unknown) => e);
          expect(isChatscreenError(error) && error.code).toBe('conflict');
          await tx.users.insert(user('u3'), 'h3');
        });
        expect(await store.read((tx) => tx.users.get('u3'))).not.toBeNull();
      });
    });

    describe('cases and members', () => {
      it('lists only the cases a user is a member of, with their role', async () => {
        await store.transaction(async (tx) => {
          await tx.users.insert(user('u1'), 'h1');
          await tx.users.insert(user('u2', { role: 'reviewer' }), 'h2');
          await tx.cases.insert(
            caseRecord('c1', { scope: { participants: ['A'], from: NOW, to: null } }),
          );
          await tx.cases.insert(caseRecord('c2'));
          await tx.cases.addMember({
            caseId: 'c1',
            userId: 'u1',
            role: 'investigator',
            addedAt: NOW,
            addedBy: 'u1',
          });
          await tx.cases.addMember({
            caseId: 'c1',
            userId: 'u2',
            role: 'reviewer',
            addedAt: NOW,
            addedBy: 'u1',
          });
          await tx.cases.addMember({
            caseId: 'c2',
            userId: 'u1',
            role: 'investigator',
            addedAt: NOW,
            addedBy: 'u1',
          });
        });
        const result = await store.read(async (tx) => ({
          u1: await tx.cases.listForUser('u1'),
          u2: await tx.cases.listForUser('u2'),
          member: await tx.cases.getMember('c2', 'u2'),
          members: await tx.cases.listMembers('c1'),
          c1: await tx.cases.get('c1'),
        }));
        expect(result.u1.map((c) => c.id)).toEqual(['c1', 'c2']);
        expect(result.u2.map((c) => [c.id, c.memberRole])).toEqual([['c1', 'reviewer']]);
        expect(result.member).toBeNull();
        expect(result.members.map((m) => m.userId)).toEqual(['u1', 'u2']);
        expect(result.c1?.scope).toEqual({ participants: ['A'], from: NOW, to: null });
      });

      it('refuses a second membership with conflict and closes cases', async () => {
        await store.transaction(async (tx) => {
          await tx.users.insert(user('u1'), 'h1');
          await tx.cases.insert(caseRecord('c1'));
          await tx.cases.addMember({
            caseId: 'c1',
            userId: 'u1',
            role: 'investigator',
            addedAt: NOW,
            addedBy: 'u1',
          });
        });
        const error = await store
          .transaction((tx) =>
            tx.cases.addMember({
              caseId: 'c1',
              userId: 'u1',
              role: 'reviewer',
              addedAt: NOW,
              addedBy: 'u1',
            }),
          )
          .catch((e: unknown) => e);
        expect(isChatscreenError(error) && error.code).toBe('conflict');
        await store.transaction((tx) => tx.cases.setStatus('c1', 'closed'));
        expect((await store.read((tx) => tx.cases.get('c1')))?.status).toBe('closed');
      });
    });

    describe('exports and messages', () => {
      it('keeps an importing export invisible and discards it with its messages', async () => {
        await store.transaction(async (tx) => {
          await tx.cases.insert(caseRecord('c1'));
          await tx.exports.insert(EXPORT);
          await tx.messages.insertMany('x1', [message('x1', 0)]);
        });
        const before = await store.read(async (tx) => ({
          get: await tx.exports.get('x1'),
          list: await tx.exports.listForCase('c1'),
          importing: await tx.exports.listImporting(),
        }));
        expect(before).toEqual({ get: null, list: [], importing: ['x1'] });
        await store.transaction((tx) => tx.exports.discard('x1'));
        const after = await store.read(async (tx) => ({
          importing: await tx.exports.listImporting(),
          message: await tx.messages.get('x1-m0'),
        }));
        expect(after).toEqual({ importing: [], message: null });
        // The same ids can be imported again: nothing of the first attempt is left.
        await store.transaction(async (tx) => {
          await tx.exports.insert(EXPORT);
          await tx.messages.insertMany('x1', [message('x1', 0)]);
        });
      });

      it('returns a ready export with its report and finds it by hash', async () => {
        await seedExport(store);
        const result = await store.read(async (tx) => ({
          get: await tx.exports.get('x1'),
          bySha: await tx.exports.findReadyBySha256('c1', 'b'.repeat(64)),
          otherCase: await tx.exports.findReadyBySha256('c2', 'b'.repeat(64)),
        }));
        expect(result.get).toMatchObject({
          status: 'ready',
          format: 'jsonl',
          messageCount: 5,
          inScopeCount: 4,
        });
        expect(result.get?.report).toEqual(REPORT);
        expect(result.bySha?.id).toBe('x1');
        expect(result.otherCase).toBeNull();
      });

      it('never returns an out-of-scope message from any read', async () => {
        await seedExport(store);
        const result = await store.read(async (tx) => ({
          get: await tx.messages.get('x1-m1'),
          range: await tx.messages.range('x1', 0, 10),
          context: await tx.messages.context('x1', 'conv1', 2, 5, 5),
          screenable: await tx.messages.screenableSeqs('x1'),
          outsider: await tx.messages.participantInScope('x1', 0),
        }));
        expect(result.get).toBeNull();
        expect(result.range.map((m) => m.seq)).toEqual([0, 2, 3, 4]);
        expect(result.context.map((m) => m.seq)).toEqual([0, 2, 3]);
        expect(result.screenable).toEqual([0, 2, 4]);
        expect(result.outsider).toBeNull();
      });

      it('keeps text exactly and pseudonymises senders to ordinals', async () => {
        await seedExport(store);
        const result = await store.read(async (tx) => ({
          m: await tx.messages.get('x1-m2'),
          alice: await tx.messages.participantInScope('x1', 1),
        }));
        expect(result.m?.text).toBe('👩‍👩‍👧 مرحبا e\u0301 \u200f');
        expect(result.m?.senderOrdinal).toBe(1);
        expect(result.m?.sourceId).toBe('102');
        expect(result.m).not.toHaveProperty('senderId');
        expect(result.m?.source).toEqual({ file: '', byteOffset: 20, byteLength: 10, line: 3 });
        expect(result.alice).toEqual({
          exportId: 'x1',
          participantId: 'p_a',
          name: 'Alice',
          ordinal: 1,
        });
      });

      it('keeps control characters, U+0000 included, exactly in every text it stores', async () => {
        const odd = 'a\u0000b\u0001c\u00010\u0000';
        await store.transaction(async (tx) => {
          await tx.cases.insert(caseRecord('c1', { reference: odd }));
          await tx.exports.insert(EXPORT);
          await tx.messages.insertMany('x1', [
            message('x1', 0, { text: odd, conversationTitle: odd, id: `m${odd}` }),
          ]);
          await tx.messages.insertParticipants([
            { exportId: 'x1', participantId: 'p_a', name: odd, ordinal: 1 },
          ]);
          await tx.exports.markReady('x1', {
            report: REPORT,
            format: 'jsonl',
            variant: null,
            dateOrder: null,
            messageCount: 1,
            inScopeCount: 1,
          });
          await tx.audit.append({ ...event(1), justification: odd });
        });
        const result = await store.read(async (tx) => ({
          m: await tx.messages.get(`m${odd}`),
          p: await tx.messages.participantInScope('x1', 1),
          c: await tx.cases.get('c1'),
          e: await tx.audit.scan(0, 1),
        }));
        expect(result.m?.text).toBe(odd);
        expect(result.m?.conversationTitle).toBe(odd);
        expect(result.p?.name).toBe(odd);
        expect(result.c?.reference).toBe(odd);
        const [stored] = result.e;
        expect(stored?.justification).toBe(odd);
        if (stored === undefined) throw new Error('no event');
        const { hash, ...content } = stored;
        expect(auditEventHash(content)).toBe(hash);
      });

      it('limits context to the same conversation and to N either side', async () => {
        await store.transaction(async (tx) => {
          await tx.cases.insert(caseRecord('c1'));
          await tx.exports.insert(EXPORT);
          await tx.messages.insertMany(
            'x1',
            Array.from({ length: 10 }, (_, seq) =>
              message('x1', seq, { conversationId: seq === 5 ? 'other' : 'conv1' }),
            ),
          );
          await tx.exports.markReady('x1', {
            report: REPORT,
            format: 'jsonl',
            variant: null,
            dateOrder: null,
            messageCount: 10,
            inScopeCount: 10,
          });
        });
        const context = await store.read((tx) => tx.messages.context('x1', 'conv1', 4, 2, 2));
        expect(context.map((m) => m.seq)).toEqual([2, 3, 4, 6, 7]);
      });
    });

    describe('runs and flags', () => {
      it('completes a batch once: flags and the done mark commit together', async () => {
        await seedExport(store);
        await seedRun(store);
        const first = await store.transaction((tx) =>
          tx.runs.completeBatch('r1', 0, [flag('f1', 0), flag('f2', 2)], 2),
        );
        const again = await store.transaction((tx) =>
          tx.runs.completeBatch('r1', 0, [flag('f1', 0), flag('f2', 2)], 2),
        );
        expect([first, again]).toEqual([true, false]);
        const result = await store.read(async (tx) => ({
          run: await tx.runs.get('r1'),
          pending: await tx.runs.pendingBatches('r1'),
          flags: await tx.flags.listForRun('r1', { limit: 10 }),
        }));
        expect(result.run).toMatchObject({ batchesDone: 1, screened: 2, flagCount: 2 });
        expect(result.pending.map((b) => b.index)).toEqual([1]);
        expect(result.flags.map((f) => [f.id, f.seq, f.batchIndex])).toEqual([
          ['f1', 1, 0],
          ['f2', 2, 0],
        ]);
        expect(result.flags[0]?.score).toBe(1 / 3);
      });

      it('rolls back a batch whose transaction fails', async () => {
        await seedExport(store);
        await seedRun(store);
        await expect(
          store.transaction(async (tx) => {
            await tx.runs.completeBatch('r1', 0, [flag('f1', 0)], 2);
            throw new Error('crash');
          }),
        ).rejects.toThrow('crash');
        const result = await store.read(async (tx) => ({
          pending: await tx.runs.pendingBatches('r1'),
          flags: await tx.flags.allForRun('r1'),
          run: await tx.runs.get('r1'),
        }));
        expect(result.pending).toHaveLength(2);
        expect(result.flags).toEqual([]);
        expect(result.run?.flagCount).toBe(0);
      });

      it('gives flags contiguous per-run seqs when batches commit concurrently', async () => {
        await seedExport(store);
        await store.transaction(async (tx) => {
          await tx.runs.insert(
            run('r1', 'x1', { batchCount: 8 }),
            Array.from({ length: 8 }, (_, index) => ({
              runId: 'r1',
              index,
              firstSeq: index,
              lastSeq: index,
              size: 1,
              done: false,
            })),
          );
        });
        await Promise.all(
          Array.from({ length: 8 }, (_, index) =>
            store.transaction((tx) =>
              tx.runs.completeBatch(
                'r1',
                index,
                [flag(`f${index}a`, index), flag(`f${index}b`, index, 5)],
                1,
              ),
            ),
          ),
        );
        const flags = await store.read((tx) => tx.flags.listForRun('r1', { limit: 100 }));
        expect(flags.map((f) => f.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
        const run1 = await store.read((tx) => tx.runs.get('r1'));
        expect(run1).toMatchObject({ batchesDone: 8, flagCount: 16 });
      });

      it('pages and filters flags, and lists a run in message order', async () => {
        await seedExport(store);
        await seedRun(store);
        await store.transaction((tx) => tx.runs.completeBatch('r1', 1, [flag('f3', 4)], 1));
        await store.transaction((tx) =>
          tx.runs.completeBatch(
            'r1',
            0,
            [flag('f1', 0), { ...flag('f2', 2), category: 'threat', score: 0.9 }],
            2,
          ),
        );
        const result = await store.read(async (tx) => ({
          page1: await tx.flags.listForRun('r1', { limit: 2 }),
          page2: await tx.flags.listForRun('r1', { limit: 2, afterSeq: 2 }),
          threats: await tx.flags.listForRun('r1', { limit: 10, category: 'threat' }),
          high: await tx.flags.listForRun('r1', { limit: 10, minScore: 0.5 }),
          low: await tx.flags.listForRun('r1', { limit: 10, maxScore: 0.9 }),
          all: await tx.flags.allForRun('r1'),
          one: await tx.flags.get('f2'),
          none: await tx.flags.get('nope'),
        }));
        expect(result.page1.map((f) => f.id)).toEqual(['f3', 'f1']);
        expect(result.page2.map((f) => f.id)).toEqual(['f2']);
        expect(result.threats.map((f) => f.id)).toEqual(['f2']);
        expect(result.high.map((f) => f.id)).toEqual(['f2']);
        expect(result.low.map((f) => f.id)).toEqual(['f3', 'f1']);
        expect(result.all.map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
        expect(result.one).toMatchObject({ runId: 'r1', category: 'threat', score: 0.9 });
        expect(result.none).toBeNull();
      });

      it('tracks unfinished runs and finishes them once', async () => {
        await seedExport(store);
        await seedRun(store, 'r1');
        await seedRun(store, 'r2');
        await store.transaction(async (tx) => {
          await tx.runs.markRunning('r1', NOW);
          await tx.runs.finish('r2', 'done', NOW, null);
          await tx.runs.finish('r2', 'failed', NOW, 'internal');
        });
        const result = await store.read(async (tx) => ({
          unfinished: await tx.runs.listUnfinished(),
          r2: await tx.runs.get('r2'),
          forExport: await tx.runs.listForExport('x1'),
        }));
        expect(result.unfinished.map((r) => [r.id, r.status])).toEqual([['r1', 'running']]);
        expect(result.r2).toMatchObject({ status: 'done', error: null, finishedAt: NOW });
        expect(result.forExport).toHaveLength(2);
      });

      it('lets one of several concurrent transactions act on the run status it read', async () => {
        await seedExport(store);
        await seedRun(store);
        await store.transaction((tx) => tx.runs.markRunning('r1', NOW));
        // Read, check, act: what finishing a run does. Concurrent finishers must not both act.
        const finishOnce = () =>
          store.transaction(async (tx) => {
            const current = await tx.runs.get('r1');
            if (current?.status !== 'running') return false;
            await tx.runs.finish('r1', 'done', NOW, null);
            await tx.audit.append(event(1));
            return true;
          });
        const results = await Promise.all([finishOnce(), finishOnce(), finishOnce()]);
        expect(results.filter((acted) => acted)).toHaveLength(1);
        expect(await store.read((tx) => tx.audit.scan(0, 10))).toHaveLength(1);
      });

      it('records decisions and finds decided flags of a case', async () => {
        await seedExport(store);
        await seedRun(store);
        await store.transaction(async (tx) => {
          await tx.runs.completeBatch('r1', 0, [flag('f1', 0), flag('f2', 2)], 2);
          await tx.decisions.insert({
            id: 'd1',
            flagId: 'f2',
            runId: 'r1',
            caseId: 'c1',
            outcome: 'relevant',
            reason: 'clear slur',
            decidedBy: 'u1',
            decidedAt: NOW,
          });
          await tx.replays.insert({
            id: 'rp1',
            caseId: 'c1',
            kind: 'replay',
            baseRunId: 'r1',
            runId: 'r1',
            createdAt: NOW,
            createdBy: 'u1',
          });
        });
        const result = await store.read(async (tx) => ({
          decided: await tx.flags.decidedForCase('c1'),
          decidedPage: await tx.flags.listForRun('r1', { limit: 10, decided: true }),
          undecidedPage: await tx.flags.listForRun('r1', { limit: 10, decided: false }),
          forFlag: await tx.decisions.listForFlag('f2'),
          forCase: await tx.decisions.listForCase('c1'),
          replay: await tx.replays.get('rp1'),
        }));
        expect(result.decided.map((f) => f.id)).toEqual(['f2']);
        expect(result.decidedPage.map((f) => f.id)).toEqual(['f2']);
        expect(result.undecidedPage.map((f) => f.id)).toEqual(['f1']);
        expect(result.forFlag.map((d) => [d.outcome, d.reason])).toEqual([
          ['relevant', 'clear slur'],
        ]);
        expect(result.forCase).toHaveLength(1);
        expect(result.replay).toMatchObject({ kind: 'replay', baseRunId: 'r1' });
      });
    });

    describe('audit', () => {
      it('chains events: seq from 1, each hash over its content and the previous hash', async () => {
        for (let n = 1; n <= 3; n += 1) await store.transaction((tx) => tx.audit.append(event(n)));
        const [events, head] = await store.read(
          async (tx) => [await tx.audit.scan(0, 10), await tx.audit.head()] as const,
        );
        expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
        let prev = GENESIS_HASH;
        for (const e of events) {
          expect(e.prevHash).toBe(prev);
          const { hash, ...rest } = e;
          expect(hash).toBe(auditEventHash(rest));
          prev = hash;
        }
        expect(head).toEqual({ seq: 3, hash: prev });
        expect(events[0]?.details).toEqual({ n: 1, nested: { b: [1, 2], a: null } });
      });

      it('serialises concurrent appends into one unbroken chain', async () => {
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.transaction((tx) => tx.audit.append(event(i))),
          ),
        );
        const events = await store.read((tx) => tx.audit.scan(0, 100));
        expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        for (let i = 1; i < events.length; i += 1) {
          expect(events[i]?.prevHash).toBe(events[i - 1]?.hash);
        }
      });

      it('filters events by case, action, actor and time, and pages by seq', async () => {
        await store.transaction(async (tx) => {
          await tx.audit.append(event(1, 'c1'));
          await tx.audit.append(event(2, 'c2'));
          await tx.audit.append({
            ...event(3, null),
            action: 'user.created',
            actor: { kind: 'operator', id: 'ops' },
          });
          await tx.audit.append({ ...event(4, 'c1'), at: '2030-01-01T00:00:00.000Z' });
        });
        const ids = async (query: AuditQuery) =>
          (await store.read((tx) => tx.audit.list(query))).map((e) => e.seq);
        expect(await ids({ limit: 10, caseIds: ['c1'] })).toEqual([1, 4]);
        expect(await ids({ limit: 10, caseIds: ['c1'], includeCaseless: true })).toEqual([1, 3, 4]);
        expect(await ids({ limit: 10, caseIds: [], includeCaseless: true })).toEqual([3]);
        expect(await ids({ limit: 10, caseIds: [] })).toEqual([]);
        expect(await ids({ limit: 10, action: 'user.created' })).toEqual([3]);
        expect(await ids({ limit: 10, actorId: 'ops' })).toEqual([3]);
        expect(await ids({ limit: 10, from: '2029-01-01T00:00:00.000Z' })).toEqual([4]);
        expect(await ids({ limit: 10, to: NOW })).toEqual([1, 2, 3]);
        expect(await ids({ limit: 2, afterSeq: 1 })).toEqual([2, 3]);
      });
    });

    describeReviewContract(() => store);
  });
}
