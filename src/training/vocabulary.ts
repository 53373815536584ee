import { CORRECTION_TARGETS, LEXICON_WORDS } from '../screening/span-ngram/lexicon/index.js';
import { SpellingCorrector } from '../screening/span-ngram/text/fuzzy.js';
import { TokenKind, tokenise } from '../screening/span-ngram/text/tokenise.js';

/**
 * The package vocabulary: plain words seen at least `minCount` times in the training texts,
 * most frequent first. The runtime uses it to tell words from disguised spellings, so a rare
 * near-miss of a slur or group name ("fagot", seen a few times) is left out unless common
 * enough to be a word in its own right.
 *
 * `common` (version-2 packages): ordinary words of the language appended after the training
 * words, whatever their count, so that the runtime never rewrites them into abuse words (the
 * Scunthorpe problem). Version-1 packages were built without it and "corrected" words such as
 * "shift" and "clock" that the training texts held fewer than 30 times.
 */
export function buildVocabulary(
  texts: Iterable<string>,
  minCount = 3,
  maxWords = 40_000,
  common: readonly string[] = [],
): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const token of tokenise(text).tokens) {
      if (token.kind !== TokenKind.Word || !token.plain) continue;
      counts.set(token.folded, (counts.get(token.folded) ?? 0) + 1);
    }
  }
  const commonSet = new Set(common);
  const corrector = new SpellingCorrector(CORRECTION_TARGETS);
  const words = [...counts.entries()].filter(([word, count]) => {
    if (count < minCount) return false;
    if (LEXICON_WORDS.has(word) || commonSet.has(word)) return true;
    return count >= 30 || corrector.correct(word) === null;
  });
  words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = words.slice(0, maxWords).map(([word]) => word);
  const seen = new Set(out);
  for (const word of common) if (!seen.has(word)) out.push(word);
  return out;
}
