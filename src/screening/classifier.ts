import type { Category, MessageScreening, ModelRef } from '../domain/index.js';

export interface ScreenOptions {
  /**
   * Overrides the package's per-category default thresholds for which spans are returned.
   * A single number applies to every category.
   */
  minScore?: number | Partial<Record<Category, number>>;
}

/**
 * The one interface everything above screening/ uses (CLI, jobs, replay). Implementations run
 * inference off the event loop (worker threads) and must give bit-identical results for the same
 * package and text whatever the batch size, worker or thread count.
 */
export interface Classifier {
  readonly model: ModelRef;
  readonly categories: readonly Category[];
  /** Default per-category thresholds from the package manifest, chosen for high recall. */
  readonly thresholds: Readonly<Record<Category, number>>;
  /** One result per text, in order. */
  screen(texts: readonly string[], options?: ScreenOptions): Promise<MessageScreening[]>;
  close(): Promise<void>;
}
