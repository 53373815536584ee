import type { IdentityCategory } from '../../domain/index.js';
import { readCsv, splitByText } from './read.js';
import type { Example } from './types.js';

/**
 * MLMA (Ousidhoum et al. 2019, English tweets). Every tweet was collected as hateful or
 * offensive; `sentiment` "normal" alone means raters disagreed it was. Mapping: target
 * attribute origin -> race, gender -> sex, sexual_orientation, religion, disability; other ->
 * no protected group.
 */
const TARGETS: Readonly<Record<string, IdentityCategory>> = {
  origin: 'race',
  gender: 'sex',
  sexual_orientation: 'sexual_orientation',
  religion: 'religion',
  disability: 'disability',
};

export function readMlma(datasets: string): Example[] {
  return readCsv(datasets, 'mlma/en_dataset.csv').map((row, i): Example => {
    const text = (row.tweet ?? '').replaceAll('\\u2026', '…');
    const normal = row.sentiment === 'normal';
    const target = TARGETS[row.target ?? ''];
    return {
      id: `mlma-${row.HITId ?? i}`,
      corpus: 'mlma',
      split: splitByText(text, { train: 850, calib: 925 }),
      text,
      weight: 0.4,
      spans: null,
      spansComplete: false,
      message: { abuse: normal ? 0 : 1 },
      targets: {
        categories: normal || target === undefined ? [] : [target],
        weight: target === undefined ? 0.3 : 1,
      },
      any: normal ? 0 : 1,
    };
  });
}
