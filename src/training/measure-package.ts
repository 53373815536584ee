import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category, type MessageScreening } from '../domain/index.js';
import { loadModel } from '../screening/package/resolve.js';
import { openSpanNgramScorer } from '../screening/span-ngram/scorer.js';
import { readAllCorpora } from './corpora/index.js';
import {
  BENIGN_SOURCES,
  type BenignSource,
  benignSource,
  type FlagRate,
  flagRate,
  readBenignChat,
} from './evaluate/benign.js';
import {
  type FunctionalResults,
  functionalResults,
  readFunctionalCases,
} from './evaluate/functional.js';
import { charSet, meanSpanF1 } from './evaluate/span-f1.js';

/**
 * Measures an installed package the same way for every release, so that figures of two
 * packages compare: benign flag rates (held-apart eval halves and the benign chat set), both
 * functional sets, and toxic-spans span F1 on the held-apart tuning slice and the trial set.
 * Run: npx tsx src/training/measure-package.ts <model-id> [--models DIR] [--datasets DIR]
 */
export interface PackageMeasures {
  id: string;
  benign: Record<BenignSource, FlagRate>;
  functional: FunctionalResults;
  functionalSecond: FunctionalResults;
  spanF1: { tune: number; trial: number };
  /** Abusive held-apart messages (eval halves) with at least one flag, per corpus. */
  abusiveRecall: Record<string, { n: number; flagged: number }>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface MeasureFiles {
  functional: string;
  functionalSecond: string;
  benignChat: string;
}

export const REPOSITORY_FILES: MeasureFiles = {
  functional: `${root}/test/functional/cases.jsonl`,
  functionalSecond: `${root}/test/functional/second/cases.jsonl`,
  benignChat: `${root}/test/functional/benign/chat.jsonl`,
};

export async function measurePackage(
  id: string,
  datasets: string,
  modelsDir = `${root}/models`,
  files: MeasureFiles = REPOSITORY_FILES,
): Promise<PackageMeasures> {
  const pkg = await loadModel(modelsDir, id);
  const scorer = await openSpanNgramScorer(pkg);
  const thresholds = Object.fromEntries(
    CATEGORIES.map((c) => [c, pkg.manifest.thresholds[c] ?? 0.5]),
  ) as Record<Category, number>;
  const screen = (texts: readonly string[]): Promise<MessageScreening[]> =>
    scorer.screen(texts, thresholds);
  try {
    const examples = readAllCorpora(datasets, [
      'davidson',
      'hatexplain',
      'edos',
      'online_misogyny',
      'mlma',
      'toxigen',
      'toxic_spans',
    ]);
    const abusive = examples.filter(
      (e) =>
        e.split === 'eval' && e.corpus !== 'toxic_spans' && (e.any === 1 || e.message.abuse === 1),
    );
    const abusiveScreenings = await screen(abusive.map((e) => e.text));
    const abusiveRecall: Record<string, { n: number; flagged: number }> = {};
    abusive.forEach((e, i) => {
      const entry = abusiveRecall[e.corpus] ?? { n: 0, flagged: 0 };
      entry.n++;
      if ((abusiveScreenings[i]?.spans.length ?? 0) > 0) entry.flagged++;
      abusiveRecall[e.corpus] = entry;
    });
    const benign = {} as Record<BenignSource, FlagRate>;
    for (const source of BENIGN_SOURCES) {
      const texts =
        source === 'chat'
          ? readBenignChat(files.benignChat)
          : examples
              .filter((e) => e.split === 'eval' && benignSource(e) === source)
              .map((e) => e.text);
      benign[source] = flagRate(texts, await screen(texts));
    }
    const suite = async (path: string): Promise<FunctionalResults> => {
      const cases = readFunctionalCases(path);
      return functionalResults(cases, await screen(cases.map((c) => c.text)));
    };
    const span = async (split: 'tune' | 'trial'): Promise<number> => {
      const set = examples.filter((e) => e.corpus === 'toxic_spans' && e.split === split);
      const screenings = await screen(set.map((e) => e.text));
      return meanSpanF1(
        set.map((e, i) => ({
          predicted: charSet(screenings[i]?.spans ?? []),
          gold: charSet(e.spans ?? []),
        })),
      );
    };
    return {
      id,
      benign,
      functional: await suite(files.functional),
      functionalSecond: await suite(files.functionalSecond),
      spanF1: { tune: await span('tune'), trial: await span('trial') },
      abusiveRecall,
    };
  } finally {
    await scorer.close();
  }
}

function summary(m: PackageMeasures): string {
  const lines = [`model ${m.id}`];
  for (const [source, rate] of Object.entries(m.benign)) {
    lines.push(
      `benign ${source}: n ${rate.n}, any flag ${(100 * rate.anyFlag).toFixed(1)}%, identity ${(100 * rate.identityFlag).toFixed(1)}%, ${Object.entries(
        rate.byCategory,
      )
        .map(([c, v]) => `${c} ${(100 * (v ?? 0)).toFixed(1)}%`)
        .join(', ')}`,
    );
  }
  for (const [name, f] of [
    ['functional', m.functional],
    ['second', m.functionalSecond],
  ] as const) {
    lines.push(
      `${name}: ${f.overall.accuracy.toFixed(3)} (hateful ${f.hateful.accuracy.toFixed(3)}, non-hateful ${f.nonHateful.accuracy.toFixed(3)})`,
    );
    lines.push(
      `  ${Object.entries(f.byBehaviour)
        .map(([b, a]) => `${b} ${a.accuracy.toFixed(2)}`)
        .join(', ')}`,
    );
    lines.push(
      `  ${Object.entries(f.byGroup)
        .map(([g, a]) => `${g} ${a.accuracy.toFixed(2)}`)
        .join(', ')}`,
    );
  }
  lines.push(
    `abusive messages flagged: ${Object.entries(m.abusiveRecall)
      .map(([c, v]) => `${c} ${(v.flagged / v.n).toFixed(3)} of ${v.n}`)
      .join(', ')}`,
  );
  lines.push(
    `span F1 tune (in-sample calibration) ${m.spanF1.tune.toFixed(4)}, trial ${m.spanF1.trial.toFixed(4)}`,
  );
  return lines.join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const id = process.argv[2] ?? 'span-ngram-1';
  const at = process.argv.indexOf('--datasets');
  const datasets = at > 0 ? (process.argv[at + 1] ?? '') : `${root}/../shared/datasets`;
  const m = process.argv.indexOf('--models');
  const measures = await measurePackage(
    id,
    datasets,
    m > 0 ? (process.argv[m + 1] ?? '') : `${root}/models`,
  );
  process.stdout.write(`${summary(measures)}\n`);
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(measures)}\n`);
}
