import { auditEventHash, ChatscreenError, GENESIS_HASH } from '../domain/index.js';
import type { Store } from '../store/index.js';

export interface ChainVerification {
  ok: boolean;
  /** Events read. */
  events: number;
  /** Seq of the first event that does not verify (or where one is missing); absent when ok. */
  firstBrokenAt?: number;
  /** Why it is broken: no content, just which check failed. */
  problem?: 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'head_mismatch' | 'anchor_mismatch';
  /** The last event's seq and hash: write them down elsewhere as an anchor (see `ChainAnchor`). */
  headSeq: number;
  headHash: string | null;
}

/**
 * A head written down outside the service (a case file, a ticket, a write-once store). A chain
 * rebuilt wholesale by someone who can write the database verifies on its own; it cannot keep
 * an anchor's hash at the anchor's seq unless it kept every event up to it.
 */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

/**
 * Parses anchors written `SEQ:HASH` (headSeq and headHash as `audit verify` prints them),
 * several separated by commas. `where` names the option or field for the error.
 */
export function parseAnchors(
  text: string,
  where: { option?: string; field?: string },
): ChainAnchor[] {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(part.trim());
      const seq = Number(match?.[1]);
      if (match?.[2] === undefined || seq < 1) {
        throw new ChatscreenError(
          'invalid_option',
          `an anchor is SEQ:HASH (an event seq from 1 and its 64 lowercase hex digit hash), got "${part.trim().slice(0, 80)}"`,
          where,
        );
      }
      return { seq, hash: match[2] };
    });
}

const PAGE = 5000;

/**
 * Walks the chain from the first event: each event's seq must follow the previous one, its
 * prevHash must be the previous hash and its hash must be the hash of its own content. The head
 * (moved by every append) must end where the events end, which catches deleted last events.
 */
export async function verifyChain(
  store: Store,
  anchors: readonly ChainAnchor[] = [],
): Promise<ChainVerification> {
  const anchorAt = new Map(anchors.map((a) => [a.seq, a.hash]));
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
        headSeq: 0,
        headHash: null,
      });
      if (event.seq !== expectedSeq) return broken('sequence_gap');
      if (event.prevHash !== prevHash) return broken('broken_link');
      const { hash, ...content } = event;
      if (auditEventHash(content) !== hash) return broken('hash_mismatch');
      const anchored = anchorAt.get(event.seq);
      if (anchored !== undefined && anchored !== hash) return broken('anchor_mismatch');
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
      headSeq: 0,
      headHash: null,
    };
  }
  // An anchor past the end: the chain lost events that were once written down.
  const beyond = anchors.filter((a) => a.seq > lastSeq).map((a) => a.seq);
  if (beyond.length > 0) {
    return {
      ok: false,
      events,
      firstBrokenAt: Math.min(...beyond),
      problem: 'anchor_mismatch',
      headSeq: 0,
      headHash: null,
    };
  }
  return { ok: true, events, headSeq: lastSeq, headHash: lastSeq === 0 ? null : prevHash };
}
