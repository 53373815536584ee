export { type AuditFilters, listAuditEvents, verifyAudit } from './events.js';
export {
  DIFF_LIST_LIMIT,
  getReplay,
  type ReplayView,
  startComparison,
  startReplay,
} from './replays.js';
export {
  type ChainAnchor,
  type ChainVerification,
  parseAnchors,
  verifyChain,
} from './verify.js';
