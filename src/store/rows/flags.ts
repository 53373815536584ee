import type { Category } from '../../domain/index.js';
import type { FlagRecord } from '../records.js';

/** A row of `flags`. */
export interface FlagRow {
  id: string;
  run_id: string;
  seq: number;
  batch_idx: number;
  message_id: string;
  message_seq: number;
  start: number;
  end: number;
  category: string;
  score: number;
  text: string;
}

export function toFlag(row: FlagRow): FlagRecord {
  return {
    id: row.id,
    runId: row.run_id,
    seq: row.seq,
    batchIndex: row.batch_idx,
    messageId: row.message_id,
    messageSeq: row.message_seq,
    start: row.start,
    end: row.end,
    category: row.category as Category,
    score: row.score,
    text: row.text,
  };
}
