import type { Category, CategoryScores } from './categories.js';

/** Identifies a model package exactly: auditors replay with this. */
export interface ModelRef {
  id: string;
  /** SHA-256 (hex) of the package's manifest, which itself pins every file's SHA-256. */
  sha256: string;
}

/** A character range the model flags: UTF-16 code units into the message text, end exclusive. */
export interface ScoredSpan {
  start: number;
  end: number;
  category: Category;
  /** Calibrated probability that this span carries this category. */
  score: number;
}

/** What a classifier says about one message. */
export interface MessageScreening {
  scores: CategoryScores;
  /** Spans at or above the thresholds in force, sorted by start, then category. */
  spans: ScoredSpan[];
}

/** A flag as the CLI prints it and the store keeps it (one line per span and category). */
export interface SpanFlag extends ScoredSpan {
  messageId: string;
  /** The flagged text, `message.text.slice(start, end)`. */
  text: string;
  model: ModelRef;
}
