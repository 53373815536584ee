import { type ActionContext, requireCase } from '../access/index.js';
import { ChatscreenError, type ModelRef, type ParseReport } from '../domain/index.js';
import type { ExportRow, RunRecord } from '../store/index.js';

/** A run's status without any content: what investigators, reviewers and auditors poll. */
export interface RunView {
  id: string;
  caseId: string;
  exportId: string;
  purpose: RunRecord['purpose'];
  baseRunId: string | null;
  status: RunRecord['status'];
  model: ModelRef;
  progress: {
    batchesDone: number;
    batchCount: number;
    screened: number;
    screenable: number;
    fraction: number;
  };
  counts: {
    messages: number;
    inScope: number;
    outOfScope: number;
    screenable: number;
    screened: number;
    flags: number;
  };
  error: string | null;
  createdAt: string;
  createdBy: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function runView(run: RunRecord): RunView {
  return {
    id: run.id,
    caseId: run.caseId,
    exportId: run.exportId,
    purpose: run.purpose,
    baseRunId: run.baseRunId,
    status: run.status,
    model: run.model,
    progress: {
      batchesDone: run.batchesDone,
      batchCount: run.batchCount,
      screened: run.screened,
      screenable: run.totals.screenable,
      fraction: run.batchCount === 0 ? 1 : run.batchesDone / run.batchCount,
    },
    counts: { ...run.totals, screened: run.screened, flags: run.flagCount },
    error: run.error,
    createdAt: run.createdAt,
    createdBy: run.createdBy,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export interface ExportView {
  id: string;
  caseId: string;
  fileName: string;
  sha256: string;
  byteSize: number;
  format: string | null;
  variant: string | null;
  timezone: string;
  dateOrder: string | null;
  messageCount: number;
  inScope: number;
  outOfScope: number;
  report: ParseReport | null;
  createdAt: string;
  createdBy: string;
}

export function exportView(e: ExportRow): ExportView {
  return {
    id: e.id,
    caseId: e.caseId,
    fileName: e.fileName,
    sha256: e.sha256,
    byteSize: e.byteSize,
    format: e.format,
    variant: e.variant,
    timezone: e.timezone,
    dateOrder: e.dateOrder,
    messageCount: e.messageCount,
    inScope: e.inScopeCount,
    outOfScope: e.messageCount - e.inScopeCount,
    report: e.report,
    createdAt: e.createdAt,
    createdBy: e.createdBy,
  };
}

export async function getRun({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { runId: string };
}): Promise<RunView> {
  return ctx.store.read(async (tx) => {
    const run = await tx.runs.get(input.runId);
    if (run === null) throw new ChatscreenError('not_found', 'no such run');
    await requireCase(tx, ctx, run.caseId, 'runs.read');
    return runView(run);
  });
}

export async function getExport({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { exportId: string };
}): Promise<ExportView & { runs: RunView[] }> {
  return ctx.store.read(async (tx) => {
    const row = await tx.exports.get(input.exportId);
    if (row === null) throw new ChatscreenError('not_found', 'no such export');
    await requireCase(tx, ctx, row.caseId, 'exports.read');
    const runs = await tx.runs.listForExport(row.id);
    return { ...exportView(row), runs: runs.map(runView) };
  });
}

export async function listExports({
  ctx,
  input,
}: {
  ctx: ActionContext;
  input: { caseId: string };
}): Promise<ExportView[]> {
  return ctx.store.read(async (tx) => {
    await requireCase(tx, ctx, input.caseId, 'exports.read');
    return (await tx.exports.listForCase(input.caseId)).map(exportView);
  });
}
