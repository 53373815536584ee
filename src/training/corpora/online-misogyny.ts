import { readCsv, splitByText } from './read.js';
import type { Example, LabelledSpan, Labels } from './types.js';

/**
 * Guest et al. 2021 (Reddit). Mapping: Misogynistic -> abusive and aimed at `sex`, with the
 * highlighted evidence as a partial abusive span; Misogynistic_pejorative -> insult;
 * Threatening_Physical_violence -> threat; Threatening_Sexual_violence -> sexual_violence and
 * threat; Nonmisogynistic_personal_attack -> abusive insult, not aimed at `sex`; everything
 * else -> not aimed at `sex` (abuse unknown). Held apart by text hash.
 */
export function readOnlineMisogyny(datasets: string): Example[] {
  return readCsv(datasets, 'online_misogyny/online_misogyny.csv').map((row, i): Example => {
    const text = row.body ?? '';
    const misogynistic = row.level_1 === 'Misogynistic';
    const level2 = row.level_2 ?? '';
    const level3 = row.level_3 ?? '';
    const message: Labels = {};
    let spans: LabelledSpan[] | null = null;
    if (misogynistic) {
      message.abuse = 1;
      if (level2 === 'Misogynistic_pejorative') message.insult = 1;
      if (level3 === 'Threatening_Physical_violence') message.threat = 1;
      if (level3 === 'Threatening_Sexual_violence') {
        message.threat = 1;
        message.sexual_violence = 1;
      }
      const highlight = (row.highlight ?? '').trim();
      const at = highlight.length > 0 ? text.indexOf(highlight) : -1;
      if (at >= 0) spans = [{ start: at, end: at + highlight.length, labels: { abuse: 1 } }];
    } else if (level2 === 'Nonmisogynistic_personal_attack') {
      message.abuse = 1;
      message.insult = 1;
    }
    return {
      id: `om-${row.entry_id ?? i}`,
      corpus: 'online_misogyny',
      split: splitByText(text, { train: 850, calib: 925 }),
      text,
      weight: 0.5,
      spans,
      spansComplete: false,
      message,
      targets: { categories: misogynistic ? ['sex'] : [], weight: misogynistic ? 1 : 0.5 },
      ...(message.abuse === 1 ? { any: 1 as const } : {}),
    };
  });
}
