import type { IdentityCategory } from '../../domain/index.js';
import { readJsonl, splitByText } from './read.js';
import { CLEAN_SPAN_WEIGHT, type Example } from './types.js';

/**
 * ToxiGen prompt sentences (machine-generated implicit hate and neutral statements about 13
 * groups). Mapping: hate -> abusive, aimed at the group's category; neutral -> not abusive
 * anywhere. lgbtq is sexual_orientation or gender_identity, whichever the sentence names.
 */
const GROUPS: Readonly<Record<string, IdentityCategory | 'named'>> = {
  asian: 'race',
  black: 'race',
  chinese: 'race',
  latino: 'race',
  mexican: 'race',
  middle_east: 'race',
  native_american: 'race',
  immigrant: 'race',
  jewish: 'religion',
  muslim: 'religion',
  women: 'sex',
  lgbtq: 'named',
  bisexual: 'sexual_orientation',
  trans: 'gender_identity',
  mental_disability: 'disability',
  physical_disability: 'disability',
};

interface Row {
  text: string;
  label: 'hate' | 'neutral';
  target_group: string;
}

export function readToxigen(datasets: string): Example[] {
  return (readJsonl(datasets, 'toxigen/toxigen_sentences.jsonl') as Row[]).map(
    (row, i): Example => {
      const group = GROUPS[row.target_group] ?? 'named';
      const hate = row.label === 'hate';
      return {
        id: `toxigen-${i}`,
        corpus: 'toxigen',
        split: splitByText(row.text, { train: 800, calib: 900 }),
        text: row.text,
        weight: 1,
        ...(hate ? {} : { spanWeight: CLEAN_SPAN_WEIGHT }),
        spans: hate ? null : [],
        spansComplete: !hate,
        message: { abuse: hate ? 1 : 0 },
        targets: { categories: hate ? (group === 'named' ? 'named' : [group]) : [], weight: 1 },
        any: hate ? 1 : 0,
      };
    },
  );
}
