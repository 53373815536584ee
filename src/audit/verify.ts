import { auditEventHash, GENESIS_HASH } from '../domain/index.js';
import type { Store } from '../store/index.js';

export interface ChainVerification {
  ok: boolean;
  /** Events read. */
  events: number;
  /** Seq of the first event that does not verify (or where one is missing); absent when ok. */
  firstBrokenAt?: number;
  /** Why it is broken: no content, just which check failed. */
  problem?: 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'head_mismatch';
  /** The last event's hash: write it down elsewhere to anchor the chain against wholesale rewrites. */
  headHash: string | null;
}

const PAGE = 5000;

/**
 * Walks the chain from the first event: each event's seq must follow the previous one, its
 * prevHash must be the previous hash and its hash must be the hash of its own content. The head
 * (moved by every append) must end where the events end, which catches deleted last events.
 */
export async function verifyChain(store: Store): Promise<ChainVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let events = 0;
  for (;;) {
    const page = await store.read((tx) => tx.audit.scan(expectedSeq - 1, PAGE));
    for (const event of page) {
      events += 1;
      const broken = (problem: NonNullable<ChainVerification['problem']>): ChainVerification => ({
        ok: false,
        events,
        firstBrokenAt: Math.min(event.seq, expectedSeq),
        problem,
        headHash: null,
      });
      if (event.seq !== expectedSeq) return broken('sequence_gap');
      if (event.prevHash !== prevHash) return broken('broken_link');
      const { hash, ...content } = event;
      if (auditEventHash(content) !== hash) return broken('hash_mismatch');
      prevHash = hash;
      expectedSeq += 1;
    }
    if (page.length < PAGE) break;
  }
  const head = await store.read((tx) => tx.audit.head());
  const lastSeq = expectedSeq - 1;
  if ((head?.seq ?? 0) !== lastSeq || (head !== null && head.hash !== prevHash)) {
    return {
      ok: false,
      events,
      firstBrokenAt: lastSeq + 1,
      problem: 'head_mismatch',
      headHash: null,
    };
  }
  return { ok: true, events, headHash: lastSeq === 0 ? null : prevHash };
}
