import { type ActionContext, recordEvent, requireCase } from '../access/index.js';
import {
  type CaseRecord,
  ChatscreenError,
  type ModelRef,
  type ParseReport,
} from '../domain/index.js';
import type { DecisionRecord, QcItemRecord } from '../store/index.js';
import type { QcStats } from './qc/stats.js';
import { loadRunSecondReview, type RunSecondReview } from './qc/summary.js';
import { type MessageView, messageView } from './views.js';

type HumanDecision = Pick<DecisionRecord, 'id' | 'outcome' | 'reason' | 'decidedBy' | 'decidedAt'>;

/**
 * The case report: provenance, model versions, and every reviewed flag with the machine's output
 * and the people's decisions kept apart. Deliberately nothing per person: no counts or scores
 * by sender, only flags in their messages.
 */
export interface CaseReport {
  generatedAt: string;
  case: Pick<
    CaseRecord,
    'id' | 'reference' | 'legalBasis' | 'authorisedBy' | 'scope' | 'expiresAt' | 'status'
  >;
  exports: {
    id: string;
    fileName: string;
    sha256: string;
    byteSize: number;
    format: string | null;
    timezone: string;
    dateOrder: string | null;
    uploadedAt: string;
    uploadedBy: string;
    messageCount: number;
    inScope: number;
    outOfScope: number;
    parseReport: ParseReport | null;
  }[];
  runs: {
    id: string;
    exportId: string;
    purpose: string;
    model: ModelRef;
    status: string;
    createdAt: string;
    /** Counts of the blind second review (agreement, overturn rate); null when none was drawn. */
    secondReview: QcStats | null;
  }[];
  reviewedFlags: {
    flagId: string;
    runId: string;
    message: MessageView;
    machine: {
      start: number;
      end: number;
      text: string;
      category: string;
      score: number;
      model: ModelRef;
    };
    human: HumanDecision[];
    /** Decisions of the blind second reviewer, who did not see `human`. */
    secondReview: HumanDecision[];
  }[];
  /**
   * Messages the model did not flag that a blind second reviewer judged relevant: people's
   * findings outside the machine's flags, kept in the report with their reasons.
   */
  unflaggedFoundRelevant: {
    runId: string;
    message: MessageView;
    secondReview: HumanDecision[];
  }[];
}

const human = ({ id, outcome, reason, decidedBy, decidedAt }: HumanDecision): HumanDecision => ({
  id,
  outcome,
  reason,
  decidedBy,
  decidedAt,
});

/** A run's second-review counts, or null when no sample was drawn. */
const drawnStats = (review: RunSecondReview | undefined): QcStats | null =>
  review === undefined || review.items.length === 0 ? null : review.stats;

export async function caseReport({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { caseId: string; format: 'json' | 'html' };
}): Promise<CaseReport> {
  return ctx.store.transaction(async (tx) => {
    const { caseRecord } = await requireCase(tx, ctx, input.caseId, 'report.read');
    const exports = await tx.exports.listForCase(caseRecord.id);
    const runs = (await Promise.all(exports.map((e) => tx.runs.listForExport(e.id)))).flat();
    const runsById = new Map(runs.map((r) => [r.id, r]));
    const decisions = await tx.decisions.listForCase(caseRecord.id);
    const flags = await tx.flags.decidedForCase(caseRecord.id);
    const secondReviews = new Map<string, RunSecondReview>();
    for (const run of runs) {
      // Most runs have no sample: skip loading their flags for counts that would be empty.
      if ((await tx.qc.listSamples(run.id)).length === 0) continue;
      secondReviews.set(run.id, await loadRunSecondReview(tx, run));
    }
    const itemsById = new Map<string, QcItemRecord>();
    for (const review of secondReviews.values())
      for (const i of review.items) itemsById.set(i.id, i);
    const secondByFlag = new Map<string, HumanDecision[]>();
    const secondByMessageItem = new Map<string, HumanDecision[]>();
    for (const review of secondReviews.values()) {
      for (const d of review.decisions) {
        const item = itemsById.get(d.itemId);
        if (item === undefined) continue;
        const byKey = item.flagId === null ? secondByMessageItem : secondByFlag;
        const key = item.flagId ?? item.id;
        byKey.set(key, [...(byKey.get(key) ?? []), human(d)]);
      }
    }
    const reviewedFlags: CaseReport['reviewedFlags'] = [];
    for (const flag of flags) {
      const run = runsById.get(flag.runId);
      const message = await tx.messages.get(flag.messageId);
      if (run === undefined || message === null) {
        throw new ChatscreenError('internal', 'a decided flag has lost its run or message');
      }
      reviewedFlags.push({
        flagId: flag.id,
        runId: run.id,
        message: messageView(message),
        machine: {
          start: flag.start,
          end: flag.end,
          text: flag.text,
          category: flag.category,
          score: flag.score,
          model: run.model,
        },
        human: decisions.filter((d) => d.flagId === flag.id).map(human),
        secondReview: secondByFlag.get(flag.id) ?? [],
      });
    }
    const unflaggedFoundRelevant: CaseReport['unflaggedFoundRelevant'] = [];
    for (const [itemId, second] of secondByMessageItem) {
      const item = itemsById.get(itemId);
      // The latest second decision is the one in force (as in the QC counts).
      if (item === undefined || second.at(-1)?.outcome !== 'relevant') continue;
      const message = await tx.messages.get(item.messageId);
      if (message === null) {
        throw new ChatscreenError('internal', 'a second-review item has lost its message');
      }
      unflaggedFoundRelevant.push({
        runId: item.runId,
        message: messageView(message),
        secondReview: second,
      });
    }
    await recordEvent(tx, ctx, {
      action: 'report.exported',
      caseId: caseRecord.id,
      subject: { type: 'case', id: caseRecord.id },
      details: {
        format: input.format,
        reviewedFlags: reviewedFlags.length,
        unflaggedFoundRelevant: unflaggedFoundRelevant.length,
      },
    });
    return {
      generatedAt: ctx.now().toISOString(),
      case: {
        id: caseRecord.id,
        reference: caseRecord.reference,
        legalBasis: caseRecord.legalBasis,
        authorisedBy: caseRecord.authorisedBy,
        scope: caseRecord.scope,
        expiresAt: caseRecord.expiresAt,
        status: caseRecord.status,
      },
      exports: exports.map((e) => ({
        id: e.id,
        fileName: e.fileName,
        sha256: e.sha256,
        byteSize: e.byteSize,
        format: e.format,
        timezone: e.timezone,
        dateOrder: e.dateOrder,
        uploadedAt: e.createdAt,
        uploadedBy: e.createdBy,
        messageCount: e.messageCount,
        inScope: e.inScopeCount,
        outOfScope: e.messageCount - e.inScopeCount,
        parseReport: e.report,
      })),
      runs: runs.map((r) => ({
        id: r.id,
        exportId: r.exportId,
        purpose: r.purpose,
        model: r.model,
        status: r.status,
        createdAt: r.createdAt,
        secondReview: drawnStats(secondReviews.get(r.id)),
      })),
      reviewedFlags,
      unflaggedFoundRelevant,
    };
  });
}
