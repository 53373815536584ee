import { readCsv } from './read.js';
import type { Example, Labels } from './types.js';

/**
 * EDOS (SemEval-2023 Task 10; Reddit and Gab). Mapping: sexist -> abusive and aimed at `sex`;
 * vectors 1.1/1.2 (threats, incitement) -> threat; 3.1 (gendered slurs, profanity, insults) ->
 * insult; 2.3 (dehumanising, objectification) -> insult. Not sexist -> not aimed at `sex`, but
 * may still be abusive otherwise (no abuse label). The dev split is held apart.
 */
export function readEdos(datasets: string): Example[] {
  return readCsv(datasets, 'edos/edos.csv').map((row, i): Example => {
    const text = row.text ?? '';
    const sexist = row.label_sexist === 'sexist';
    const vector = row.label_vector ?? '';
    const message: Labels = sexist ? { abuse: 1 } : {};
    if (sexist) {
      message.threat = vector.startsWith('1.') ? 1 : 0;
      if (vector.startsWith('3.1') || vector.startsWith('2.3')) message.insult = 1;
    }
    const split = row.split === 'dev' ? (i % 2 === 0 ? 'calib' : 'eval') : 'train';
    return {
      id: `edos-${row.rewire_id ?? i}`,
      corpus: 'edos',
      split,
      text,
      weight: 0.5,
      spans: null,
      spansComplete: false,
      message,
      targets: { categories: sexist ? ['sex'] : [], weight: 1 },
      ...(sexist ? { any: 1 as const } : {}),
    };
  });
}
