import type { Store } from '../store/index.js';

/** At start-up: uploads a crash left `importing` never became visible; remove what they wrote. */
export async function discardIncompleteImports(store: Store): Promise<number> {
  const ids = await store.read((tx) => tx.exports.listImporting());
  for (const id of ids) await store.transaction((tx) => tx.exports.discard(id));
  return ids.length;
}
