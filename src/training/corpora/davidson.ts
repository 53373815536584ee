import { readCsv, splitByText } from './read.js';
import { CLEAN_SPAN_WEIGHT, type Example } from './types.js';

/**
 * Davidson et al. 2017 (Twitter). Mapping: 0 hate -> abusive and aimed at the group it names;
 * 1 offensive -> abusive (profanity/insult, not identity-based); 2 neither -> not abusive.
 * Weighed down to a fifth: its raters over-associate African-American English with offence
 * (Sap et al. 2019), and its "offensive" class is mostly casual profanity.
 */
export function readDavidson(datasets: string): Example[] {
  return readCsv(datasets, 'davidson/labeled_data.csv').map((row, i): Example => {
    const text = row.tweet ?? '';
    const cls = row.class;
    const split = splitByText(text, { train: 850, calib: 925 });
    const base = { id: `davidson-${i}`, corpus: 'davidson' as const, split, text, weight: 0.2 };
    if (cls === '2') {
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
    return {
      ...base,
      spans: null,
      spansComplete: false,
      message: { abuse: 1 },
      targets: cls === '0' ? { categories: 'named', weight: 1 } : { categories: [], weight: 0.3 },
      any: 1,
    };
  });
}
