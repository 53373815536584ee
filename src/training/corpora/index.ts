import { readSeeds } from '../seeds/expand.js';
import { readDavidson } from './davidson.js';
import { readEdos } from './edos.js';
import { readHatexplain } from './hatexplain.js';
import { readMlma } from './mlma.js';
import { readOnlineMisogyny } from './online-misogyny.js';
import { readToxicSpans } from './toxic-spans.js';
import { readToxigen } from './toxigen.js';
import type { CorpusName, Example } from './types.js';

/** Every corpus, read and labelled onto our heads, plus the project's seeds. */
export function readAllCorpora(
  datasets: string,
  only?: readonly CorpusName[],
  tuneSlice = 0,
): Example[] {
  const readers: Record<CorpusName, () => Example[]> = {
    toxic_spans: () => readToxicSpans(datasets, { tuneSlice }),
    hatexplain: () => readHatexplain(datasets),
    edos: () => readEdos(datasets),
    online_misogyny: () => readOnlineMisogyny(datasets),
    davidson: () => readDavidson(datasets),
    mlma: () => readMlma(datasets),
    toxigen: () => readToxigen(datasets),
    seeds: () => readSeeds(),
  };
  const out: Example[] = [];
  for (const [name, read] of Object.entries(readers) as [CorpusName, () => Example[]][]) {
    if (only === undefined || only.includes(name)) out.push(...read());
  }
  return out;
}
