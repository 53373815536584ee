import { z } from 'zod';
import { CATEGORIES, type Category, ChatscreenError } from '../../domain/index.js';
import type { ModelManifest } from '../package/manifest.js';

/**
 * The `labels` section of a huggingface package's manifest: what the model is (token or sequence
 * classification) and, for every label of config.json's id2label, which categories it means.
 * `null` (or []) marks a label that means "nothing to flag" (`O`, `non-toxic`...). Every label
 * must be mapped: an unmapped label is a mistake in the package, not something to guess.
 */
const categoryList = z.union([z.enum(CATEGORIES), z.array(z.enum(CATEGORIES)), z.null()]);

export const huggingfaceLabelsSchema = z.object({
  task: z.enum(['token-classification', 'sequence-classification']),
  map: z.record(z.string(), categoryList),
  /** Default: sigmoid when config.json's problem_type is multi_label_classification, else softmax. */
  activation: z.enum(['softmax', 'sigmoid']).optional(),
});

export const huggingfaceCalibrationSchema = z.object({
  /** Logits are divided by it before the activation (temperature scaling); default 1. */
  temperature: z.number().positive().optional(),
});

export type HuggingfaceTask = z.infer<typeof huggingfaceLabelsSchema>['task'];
export type Activation = 'softmax' | 'sigmoid';

/** Resolved from manifest + config.json: column j of the logits means `categories[j]`. */
export interface LabelPlan {
  task: HuggingfaceTask;
  activation: Activation;
  temperature: number;
  /** Per logit column: the categories it counts for ([] for ignored labels). */
  columns: Category[][];
}

function invalid(detail: string): ChatscreenError {
  return new ChatscreenError('model_package_invalid', detail);
}

/** Label names in column order from config.json's id2label (keys "0".."n-1"). */
export function labelsFromConfig(config: unknown): string[] {
  const parsed = z.object({ id2label: z.record(z.string(), z.string()) }).safeParse(config);
  if (!parsed.success) throw invalid('config.json has no id2label mapping');
  const entries = Object.entries(parsed.data.id2label);
  const labels: string[] = [];
  for (const [key, label] of entries) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= entries.length) {
      throw invalid(`config.json id2label has a key "${key}" that is not 0..${entries.length - 1}`);
    }
    labels[index] = label;
  }
  return labels;
}

export function planLabels(manifest: ModelManifest, config: unknown): LabelPlan {
  const labels = huggingfaceLabelsSchema.safeParse(manifest.labels);
  if (!labels.success) {
    const where = labels.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw invalid(`manifest.json labels section is not valid for a huggingface package (${where})`);
  }
  const calibration = huggingfaceCalibrationSchema.safeParse(manifest.calibration);
  if (!calibration.success) throw invalid('manifest.json calibration.temperature must be > 0');
  const problemType = z.object({ problem_type: z.string() }).safeParse(config);
  const activation =
    labels.data.activation ??
    (problemType.success && problemType.data.problem_type === 'multi_label_classification'
      ? 'sigmoid'
      : 'softmax');
  const names = labelsFromConfig(config);
  const declared = new Set<string>(manifest.categories);
  const columns = names.map((name) => {
    const mapped = labels.data.map[name];
    if (mapped === undefined) {
      throw invalid(`model label "${name}" has no entry in manifest.json labels.map`);
    }
    const categories = mapped === null ? [] : Array.isArray(mapped) ? mapped : [mapped];
    const undeclared = categories.find((category) => !declared.has(category));
    if (undeclared !== undefined) {
      throw invalid(`labels.map sends "${name}" to "${undeclared}", not in manifest categories`);
    }
    return [...new Set(categories)];
  });
  const unknown = Object.keys(labels.data.map).find((name) => !names.includes(name));
  if (unknown !== undefined) {
    throw invalid(`labels.map names "${unknown}", which is not a label in config.json id2label`);
  }
  return {
    task: labels.data.task,
    activation,
    temperature: calibration.data.temperature ?? 1,
    columns,
  };
}
