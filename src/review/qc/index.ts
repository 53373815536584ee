export { blindFlagIds } from './blind.js';
export { recordQcDecision } from './decide.js';
export { assignReviewers, drawBySeed, seededKey, shareCount } from './draw.js';
export { getQcItem, listMyQcItems, type QcItemDetail, type QcItemSummary } from './items.js';
export { drawQcSample, type QcSampleInput } from './sample.js';
export { type QcStats, qcStats } from './stats.js';
export { type QcSummary, qcSummary } from './summary.js';
export { type Proportion, wilson } from './wilson.js';
