import { z } from 'zod';
import type { TokenRules } from './align.js';

const typed = z.object({ type: z.string() }).loose();
const tokenizerJson = z
  .object({
    model: z
      .object({
        type: z.string().optional(),
        continuing_subword_prefix: z.string().nullable().optional(),
        end_of_word_suffix: z.string().nullable().optional(),
      })
      .loose(),
    pre_tokenizer: z.unknown().optional(),
    decoder: z.unknown().optional(),
  })
  .loose();

/** Every component of a (possibly nested Sequence) pre-tokenizer or decoder description. */
function components(value: unknown): Record<string, unknown>[] {
  const parsed = typed.safeParse(value);
  if (!parsed.success) return [];
  const nested = [parsed.data.pretokenizers, parsed.data.decoders]
    .filter(Array.isArray)
    .flatMap((list: unknown[]) => list.flatMap(components));
  return [parsed.data, ...nested];
}

/** How to read token strings back as text, from tokenizer.json (see align.ts). */
export function tokenRules(
  json: unknown,
  specialIds: readonly number[],
  unknownId: number | null,
): TokenRules {
  const parsed = tokenizerJson.safeParse(json);
  const model = parsed.success ? parsed.data.model : { type: undefined };
  const parts = parsed.success
    ? [...components(parsed.data.pre_tokenizer), ...components(parsed.data.decoder)]
    : [];
  const metaspace = parts.find((part) => part.type === 'Metaspace');
  const replacement = metaspace?.replacement;
  const prefix = model.continuing_subword_prefix;
  const suffix = model.end_of_word_suffix;
  return {
    specialIds: new Set(specialIds),
    unknownId,
    continuingPrefix:
      typeof prefix === 'string' && prefix !== ''
        ? prefix
        : model.type === 'WordPiece'
          ? '##'
          : null,
    endOfWordSuffix: typeof suffix === 'string' && suffix !== '' ? suffix : null,
    byteLevel: parts.some((part) => part.type === 'ByteLevel'),
    metaspace: metaspace ? (typeof replacement === 'string' ? replacement : '\u2581') : null,
  };
}
