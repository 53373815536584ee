import { randomBytes } from 'node:crypto';
import {
  type ActionContext,
  actorId,
  newId,
  recordEvent,
  requireCase,
} from '../../access/index.js';
import { ChatscreenError } from '../../domain/index.js';
import type {
  DecisionRecord,
  FlagRecord,
  QcItemRecord,
  QcSampleRecord,
} from '../../store/index.js';
import { loadRun } from '../load.js';
import { assignReviewers, drawBySeed, shareCount } from './draw.js';

export interface QcSampleInput {
  runId: string;
  /** Share (0..1) of the flags decided so far (and not sampled before) to review again. */
  flagShare: number;
  /** Unflagged screened messages to review, to estimate what the model missed. */
  unflaggedCount: number;
  /** Case reviewers who take the items; a flag never goes to anyone who decided it. */
  reviewerIds: string[];
  /** Recorded with the sample; a random one when not given. */
  seed?: string | undefined;
}

type Drawn =
  | { kind: 'flag'; key: string; flag: FlagRecord; first: DecisionRecord; deciders: Set<string> }
  | { kind: 'message'; key: string; seq: number };

/**
 * Draws a blind second-review sample of a finished run: deterministic given the seed (see
 * draw.ts), recorded with the seed and the candidate counts, and audited.
 */
export async function drawQcSample({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: QcSampleInput;
}): Promise<QcSampleRecord> {
  const seed = input.seed ?? randomBytes(16).toString('hex');
  const reviewerIds = [...new Set(input.reviewerIds)];
  return ctx.store.transaction(async (tx) => {
    const run = await loadRun(tx, input.runId);
    await requireCase(tx, ctx, run.caseId, 'qc.sample');
    if (run.status !== 'done') {
      throw new ChatscreenError('conflict', 'a sample is drawn from a finished run');
    }
    for (const id of reviewerIds) {
      const member = await tx.cases.getMember(run.caseId, id);
      if (member?.role !== 'reviewer') {
        throw new ChatscreenError('validation_failed', 'every reviewer must be a case reviewer', {
          field: 'reviewerIds',
        });
      }
    }
    const [flags, decisions, earlier] = await Promise.all([
      tx.flags.allForRun(run.id),
      tx.decisions.listForRun(run.id),
      tx.qc.listItems(run.id),
    ]);
    const latest = new Map<string, DecisionRecord>();
    const deciders = new Map<string, Set<string>>();
    for (const d of decisions) {
      latest.set(d.flagId, d);
      const who = deciders.get(d.flagId) ?? new Set<string>();
      who.add(d.decidedBy);
      deciders.set(d.flagId, who);
    }
    const sampledFlags = new Set(earlier.map((i) => i.flagId));
    const sampledSeqs = new Set(
      earlier.filter((i) => i.kind === 'message').map((i) => i.messageSeq),
    );
    const flagCandidates: Drawn[] = [];
    for (const flag of flags) {
      const first = latest.get(flag.id);
      const who = deciders.get(flag.id) ?? new Set<string>();
      if (first === undefined || sampledFlags.has(flag.id)) continue;
      if (!reviewerIds.some((id) => !who.has(id))) continue;
      flagCandidates.push({ kind: 'flag', key: `flag:${flag.id}`, flag, first, deciders: who });
    }
    const flagged = new Set(flags.map((f) => f.messageSeq));
    const messageCandidates: Drawn[] = (await tx.messages.screenableSeqs(run.exportId))
      .filter((seq) => !flagged.has(seq) && !sampledSeqs.has(seq))
      .map((seq) => ({ kind: 'message', key: `message:${seq}`, seq }));
    const drawnFlags = drawBySeed(
      flagCandidates,
      (c) => c.key,
      shareCount(input.flagShare, flagCandidates.length),
      seed,
    );
    const drawnMessages = drawBySeed(
      messageCandidates,
      (c) => c.key,
      Math.min(input.unflaggedCount, messageCandidates.length),
      seed,
    );
    // Flags and unflagged messages are interleaved in one seeded order, so the queue does not
    // announce which kind comes next.
    const ordered = drawBySeed(
      [...drawnFlags, ...drawnMessages],
      (c) => `order:${c.key}`,
      drawnFlags.length + drawnMessages.length,
      seed,
    );
    const assignees = assignReviewers(
      ordered.map((c) => (c.kind === 'flag' ? c.deciders : new Set<string>())),
      reviewerIds,
    );
    const sample: QcSampleRecord = {
      id: newId('qs'),
      runId: run.id,
      caseId: run.caseId,
      seed,
      flagShare: input.flagShare,
      unflaggedRequested: input.unflaggedCount,
      reviewerIds,
      flagsEligible: flagCandidates.length,
      flagsDrawn: drawnFlags.length,
      unflaggedEligible: messageCandidates.length,
      unflaggedDrawn: drawnMessages.length,
      createdAt: ctx.now().toISOString(),
      createdBy: actorId(ctx.actor),
    };
    const items: QcItemRecord[] = [];
    for (const [position, candidate] of ordered.entries()) {
      const assignedTo = assignees[position];
      if (assignedTo === null || assignedTo === undefined) {
        throw new ChatscreenError('internal', 'a drawn item has no eligible reviewer');
      }
      const base = {
        id: newId('qi'),
        sampleId: sample.id,
        runId: run.id,
        caseId: run.caseId,
        position,
        assignedTo,
      };
      if (candidate.kind === 'flag') {
        items.push({
          ...base,
          kind: 'flag',
          flagId: candidate.flag.id,
          messageId: candidate.flag.messageId,
          messageSeq: candidate.flag.messageSeq,
          firstDecisionId: candidate.first.id,
        });
      } else {
        const [message] = await tx.messages.range(run.exportId, candidate.seq, candidate.seq);
        if (message === undefined) throw new ChatscreenError('internal', 'a drawn message is gone');
        items.push({
          ...base,
          kind: 'message',
          flagId: null,
          messageId: message.id,
          messageSeq: message.seq,
          firstDecisionId: null,
        });
      }
    }
    await tx.qc.insertSample(sample, items);
    await recordEvent(tx, ctx, {
      action: 'qc.sampled',
      caseId: run.caseId,
      subject: { type: 'run', id: run.id },
      details: {
        sampleId: sample.id,
        seed,
        flagShare: sample.flagShare,
        unflaggedRequested: sample.unflaggedRequested,
        flagsEligible: sample.flagsEligible,
        flagsDrawn: sample.flagsDrawn,
        unflaggedEligible: sample.unflaggedEligible,
        unflaggedDrawn: sample.unflaggedDrawn,
        reviewers: reviewerIds,
      },
    });
    return sample;
  });
}
