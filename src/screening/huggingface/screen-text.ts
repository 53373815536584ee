import { type PreTrainedModel, type PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import { z } from 'zod';
import {
  type Category,
  type CategoryScores,
  ChatscreenError,
  type MessageScreening,
} from '../../domain/index.js';
import type { Scorer } from '../scorer.js';
import { alignTokens, type TokenRange, type TokenRules } from './align.js';
import type { LabelPlan } from './labels.js';
import { maxScores, rowScores, zeroScores } from './probabilities.js';
import { messageSpans, tokenSpans } from './spans.js';

export interface HuggingfaceParts {
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
  plan: LabelPlan;
  rules: TokenRules;
  categories: readonly Category[];
  maxTokens: number;
}

/** The longest input the model takes: the tokenizer's and the position table's limits. */
export function maxTokensOf(tokenizer: PreTrainedTokenizer, config: unknown): number {
  const positions = z
    .object({ max_position_embeddings: z.number().int().positive() })
    .safeParse(config);
  const limits = [
    Number(tokenizer.model_max_length),
    positions.success ? positions.data.max_position_embeddings : Number.POSITIVE_INFINITY,
  ].filter((limit) => Number.isFinite(limit) && limit > 2);
  return limits.length > 0 ? Math.min(...limits) : Number.POSITIVE_INFINITY;
}

interface Encoded {
  ids: number[];
  tokens: string[];
}

/** Where to cut a text that is too long for the model: the white space nearest the middle. */
function cutPoint(text: string): number {
  const middle = Math.floor(text.length / 2);
  for (let distance = 0; distance < middle; distance++) {
    if (/\s/u.test(text[middle - distance] ?? '')) return middle - distance;
    if (/\s/u.test(text[middle + distance] ?? '')) return middle + distance;
  }
  const code = text.charCodeAt(middle);
  return code >= 0xdc00 && code <= 0xdfff ? middle + 1 : middle;
}

/**
 * Scores texts one at a time (one session.run per text, never padded into a batch): a row's
 * result must not depend on its batch neighbours (replay is bit for bit), and padding changes the
 * shapes that transformer kernels reduce over. A text longer than the model's limit is cut at
 * white space into parts scored separately; message scores are the maximum over parts.
 */
export class HuggingfaceScorer implements Scorer {
  constructor(private readonly parts: HuggingfaceParts) {}

  async screen(
    texts: readonly string[],
    thresholds: Readonly<Record<Category, number>>,
  ): Promise<MessageScreening[]> {
    const results: MessageScreening[] = [];
    for (const text of texts) results.push(await this.screenOne(text, thresholds));
    return results;
  }

  async close(): Promise<void> {
    await this.parts.model.dispose();
  }

  private async screenOne(
    text: string,
    thresholds: Readonly<Record<Category, number>>,
  ): Promise<MessageScreening> {
    if (text.trim() === '') return { scores: zeroScores(), spans: [] };
    const scores = zeroScores();
    const ranges: (TokenRange | null)[] = [];
    const tokenScores: (CategoryScores | null)[] = [];
    for (const part of this.split(text, 0)) {
      const logits = await this.run(part.encoded);
      if (this.parts.plan.task === 'sequence-classification') {
        maxScores(scores, rowScores(logits, 0, this.parts.plan));
        continue;
      }
      const width = this.parts.plan.columns.length;
      const aligned = alignTokens(
        part.text,
        part.encoded.ids,
        part.encoded.tokens,
        this.parts.rules,
      );
      aligned.forEach((range, i) => {
        if (range === null) return;
        const row = rowScores(logits, i * width, this.parts.plan);
        maxScores(scores, row);
        ranges.push({ start: range.start + part.offset, end: range.end + part.offset });
        tokenScores.push(row);
      });
    }
    const spans =
      this.parts.plan.task === 'sequence-classification'
        ? messageSpans(text, scores, this.parts.categories, thresholds)
        : tokenSpans(text, ranges, tokenScores, this.parts.categories, thresholds);
    return { scores, spans };
  }

  private encode(text: string): Encoded {
    const encoding = this.parts.tokenizer._tokenizer.encode(text, { add_special_tokens: true });
    return { ids: encoding.ids, tokens: encoding.tokens };
  }

  private split(
    text: string,
    offset: number,
  ): { text: string; offset: number; encoded: Encoded }[] {
    const encoded = this.encode(text);
    if (encoded.ids.length <= this.parts.maxTokens || text.length < 2) {
      return [{ text, offset, encoded }];
    }
    const cut = cutPoint(text);
    return [
      ...this.split(text.slice(0, cut), offset),
      ...this.split(text.slice(cut), offset + cut),
    ];
  }

  private async run(encoded: Encoded): Promise<Float32Array> {
    const n = encoded.ids.length;
    const inputIds = new Tensor('int64', BigInt64Array.from(encoded.ids, BigInt), [1, n]);
    const attentionMask = new Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]);
    const output: unknown = await this.parts.model({
      input_ids: inputIds,
      attention_mask: attentionMask,
    });
    const logits =
      typeof output === 'object' && output !== null && 'logits' in output ? output.logits : null;
    const data = logits instanceof Tensor ? logits.data : null;
    const width = this.parts.plan.columns.length;
    const expected = this.parts.plan.task === 'token-classification' ? n * width : width;
    if (!(data instanceof Float32Array) || data.length !== expected) {
      throw new ChatscreenError(
        'model_package_invalid',
        `the model's logits do not have the ${this.parts.plan.task} shape for ${width} labels`,
      );
    }
    return data;
  }
}
