import { codePointToUtf16, readJsonl, splitByText } from './read.js';
import { CLEAN_SPAN_WEIGHT, type Example } from './types.js';

/**
 * HateXplain (Gab and Twitter; lower-cased token streams). Mapping: hatespeech -> abusive and
 * aimed at the group the post names (target categories come from our lexicon: this copy has no
 * target labels); offensive -> abusive, weakly not identity-based (the corpus's line between the
 * two is not ours: slur use counts as identity abuse here); normal -> not abusive anywhere.
 * Rationales are abusive spans but broad ones (whole phrases), so they count at half weight.
 */
interface Row {
  post_id: string;
  text: string;
  label_majority: 'hatespeech' | 'offensive' | 'normal';
  split: 'train' | 'val';
  rationale_char_spans: [number, number][] | null;
}

export function readHatexplain(datasets: string): Example[] {
  return (readJsonl(datasets, 'hatexplain/hatexplain.jsonl') as Row[]).map((row): Example => {
    const split = row.split === 'train' ? 'train' : splitByText(row.text, { train: 0, calib: 500 });
    const unit = codePointToUtf16(row.text);
    const base = {
      id: `hatexplain-${row.post_id}`,
      corpus: 'hatexplain' as const,
      split,
      text: row.text,
      weight: 0.5,
    };
    if (row.label_majority === 'normal') {
      return {
        ...base,
        spanWeight: CLEAN_SPAN_WEIGHT,
        spans: [],
        spansComplete: true,
        message: { abuse: 0 },
        targets: { categories: [], weight: 1 },
        any: 0,
      };
    }
    const spans = (row.rationale_char_spans ?? []).map(([start, end]) => ({
      start: unit(start),
      end: unit(end),
      labels: { abuse: 1 as const },
    }));
    return {
      ...base,
      spans: spans.length > 0 ? spans : null,
      spansComplete: spans.length > 0,
      message: { abuse: 1 },
      targets:
        row.label_majority === 'hatespeech'
          ? { categories: 'named', weight: 1 }
          : { categories: [], weight: 0.3 },
      any: 1,
    };
  });
}
