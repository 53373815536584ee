import { ChatscreenError } from '../domain/index.js';
import type { FlagRecord, RunRecord, StoreTx } from '../store/index.js';

export async function loadRun(tx: StoreTx, runId: string): Promise<RunRecord> {
  const run = await tx.runs.get(runId);
  if (run === null) throw new ChatscreenError('not_found', 'no such run');
  return run;
}

export async function loadFlag(
  tx: StoreTx,
  flagId: string,
): Promise<{ flag: FlagRecord; run: RunRecord }> {
  const flag = await tx.flags.get(flagId);
  if (flag === null) throw new ChatscreenError('not_found', 'no such flag');
  return { flag, run: await loadRun(tx, flag.runId) };
}
