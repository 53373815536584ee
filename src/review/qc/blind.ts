import type { Actor } from '../../domain/index.js';
import type { StoreTx } from '../../store/index.js';

/**
 * The flags of a run this person reviews blind (they hold a second-review item on them): no read
 * returns those flags' decisions to them, so the first decision cannot anchor the second.
 */
export async function blindFlagIds(tx: StoreTx, runId: string, actor: Actor): Promise<Set<string>> {
  if (actor.kind !== 'user') return new Set();
  const items = await tx.qc.listItems(runId);
  const blind = new Set<string>();
  for (const item of items) {
    if (item.assignedTo === actor.userId && item.flagId !== null) blind.add(item.flagId);
  }
  return blind;
}
