import {
  AutoModelForSequenceClassification,
  AutoModelForTokenClassification,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { ChatscreenError } from '../../domain/index.js';
import { SESSION_OPTIONS } from '../runtime/session.js';
import type { Scorer, ScorerFactory, VerifiedPackage } from '../scorer.js';
import { planLabels } from './labels.js';
import { REQUIRED_FILES, readPackageJson, serveVerifiedFiles } from './local-files.js';
import { HuggingfaceScorer, maxTokensOf } from './screen-text.js';
import { tokenRules } from './token-rules.js';

function checkLayout(pkg: VerifiedPackage): void {
  const missing = REQUIRED_FILES.find((path) => pkg.manifest.files[path] === undefined);
  if (missing !== undefined) {
    throw new ChatscreenError(
      'model_package_invalid',
      `a huggingface package needs "${missing}" (listed in manifest.json)`,
    );
  }
}

async function loadModel(
  pkg: VerifiedPackage,
  task: 'token-classification' | 'sequence-classification',
): Promise<{ tokenizer: PreTrainedTokenizer; model: PreTrainedModel }> {
  const release = await serveVerifiedFiles(pkg);
  try {
    const local = { local_files_only: true, cache_dir: pkg.dir } as const;
    const tokenizer = await AutoTokenizer.from_pretrained(pkg.dir, local);
    const Model =
      task === 'token-classification'
        ? AutoModelForTokenClassification
        : AutoModelForSequenceClassification;
    const model = await Model.from_pretrained(pkg.dir, {
      ...local,
      device: 'cpu',
      dtype: 'fp32',
      // Single-threaded kernels, as for every session: see runtime/session.ts.
      session_options: { ...SESSION_OPTIONS },
    });
    return { tokenizer, model };
  } catch (error) {
    if (error instanceof ChatscreenError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChatscreenError(
      'model_package_invalid',
      `transformers.js cannot load the package: ${reason}`.slice(0, 500),
      { cause: error },
    );
  } finally {
    release();
  }
}

/**
 * Runs third-party Hugging Face-format ONNX classifiers (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx) through transformers.js, strictly from the verified
 * package. See README "The screening model" for the manifest's `labels` section.
 */
export const huggingfaceScorerFactory: ScorerFactory = {
  kind: 'huggingface',
  async create(pkg: VerifiedPackage): Promise<Scorer> {
    checkLayout(pkg);
    const config = await readPackageJson(pkg, 'config.json');
    const plan = planLabels(pkg.manifest, config);
    const { tokenizer, model } = await loadModel(pkg, plan.task);
    const rules = tokenRules(
      tokenizer._tokenizerJSON,
      tokenizer.all_special_ids,
      typeof tokenizer.unk_token_id === 'number' ? tokenizer.unk_token_id : null,
    );
    return new HuggingfaceScorer({
      tokenizer,
      model,
      plan,
      rules,
      categories: pkg.manifest.categories,
      maxTokens: maxTokensOf(tokenizer, config),
    });
  },
};
