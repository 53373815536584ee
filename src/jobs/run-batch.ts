import { ChatscreenError, isCaseOpen } from '../domain/index.js';
import type { Classifier } from '../screening/index.js';
import type { BatchRecord, NewFlag, RunRecord, StoreTx } from '../store/index.js';
import { flagIdFor } from './flag-id.js';
import type { RunDeps } from './run-deps.js';

/** A batch screened but not yet committed: nothing of it is visible until `commitBatch`. */
export interface ScreenedBatch {
  index: number;
  flags: NewFlag[];
  screened: number;
}

/**
 * Screens one batch's in-scope messages. Inference happens outside any transaction: the store is
 * never held while the model works.
 */
export async function screenBatch(
  deps: RunDeps,
  run: RunRecord,
  batch: BatchRecord,
  classifier: Classifier,
): Promise<ScreenedBatch> {
  const messages = await deps.store.read(async (tx) => {
    await assertCaseOpen(tx, run, deps.now());
    return tx.messages.range(run.exportId, batch.firstSeq, batch.lastSeq);
  });
  const screenable = messages.filter((m) => m.text.length > 0);
  const screenings = await classifier.screen(screenable.map((m) => m.text));
  const flags: NewFlag[] = [];
  screenable.forEach((message, i) => {
    for (const span of screenings[i]?.spans ?? []) {
      flags.push({
        id: flagIdFor(run.id, message.id, span.start, span.end, span.category),
        messageId: message.id,
        messageSeq: message.seq,
        start: span.start,
        end: span.end,
        category: span.category,
        score: span.score,
        text: message.text.slice(span.start, span.end),
      });
    }
  });
  return { index: batch.index, flags, screened: screenable.length };
}

/**
 * Commits a screened batch's flags together with its done mark. Idempotent: a batch already
 * done (by another worker, or before a crash) is left alone and this returns false.
 */
export async function commitBatch(
  deps: RunDeps,
  run: RunRecord,
  result: ScreenedBatch,
): Promise<boolean> {
  const committed = await deps.store.transaction(async (tx) => {
    await assertCaseOpen(tx, run, deps.now());
    return tx.runs.completeBatch(run.id, result.index, result.flags, result.screened);
  });
  deps.signals.notify(run.id);
  return committed;
}

/**
 * One batch, start to finish: the unit a distributed worker (issue 6) would take as a job.
 * Running it twice gives what running it once gives.
 */
export async function runBatch(
  deps: RunDeps,
  run: RunRecord,
  index: number,
  classifier: Classifier,
): Promise<boolean> {
  const batch = await deps.store.read((tx) => tx.runs.getBatch(run.id, index));
  if (batch === null) throw new ChatscreenError('not_found', 'no such batch');
  if (batch.done) return false;
  return commitBatch(deps, run, await screenBatch(deps, run, batch, classifier));
}

/**
 * A run screens only while its case is open: closing a case or reaching its expiry stops the
 * run at the next batch (it fails with case_not_open), and a batch screened meanwhile is dropped.
 */
async function assertCaseOpen(tx: StoreTx, run: RunRecord, now: Date): Promise<void> {
  const record = await tx.cases.get(run.caseId);
  if (record === null || !isCaseOpen(record, now)) {
    throw new ChatscreenError(
      'case_not_open',
      'the case closed or expired while the run was screening',
    );
  }
}
