import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ChatscreenError } from '../domain/index.js';
import { CORPORA, type CorpusName } from '../training/corpora/types.js';
import { runTraining } from '../training/run-training.js';
import { type CliIo, type CommandRegistrar, EXIT_OK } from './io.js';

/**
 * `chatscreen train`: trains the span-ngram model on ../shared/datasets and writes
 * models/<id>/ (model.onnx, vocabulary.txt, manifest.json, MODEL_CARD.md, eval.json).
 */
interface TrainFlags {
  datasets: string;
  models: string;
  id: string;
  version: string;
  seed: string;
  epochs?: string;
  buckets?: string;
  corpora?: string;
  functional: string;
  functionalSecond: string;
  benignChat: string;
  compareWith: string;
  measureSlices: string;
  calibration: string;
  plateau: string;
  default: boolean;
}

const positiveInt = (value: string, option: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new ChatscreenError('invalid_option', `${option} must be a whole number`, { option });
  return n;
};

function calibrationVersion(value: string): 1 | 2 {
  if (value === '1' || value === '2') return value === '1' ? 1 : 2;
  throw new ChatscreenError('invalid_option', '--calibration must be 1 or 2', {
    option: '--calibration',
  });
}

function plateauOf(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 0.1)
    throw new ChatscreenError('invalid_option', '--plateau must be a number from 0 to 0.1', {
      option: '--plateau',
    });
  return n;
}

function corporaOf(list: string | undefined): CorpusName[] | undefined {
  if (list === undefined) return undefined;
  const names = list.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!(CORPORA as readonly string[]).includes(name)) {
      throw new ChatscreenError(
        'invalid_option',
        `unknown corpus "${name}" (one of ${CORPORA.join(', ')})`,
        { option: '--corpora' },
      );
    }
  }
  return names as CorpusName[];
}

async function train(flags: TrainFlags, io: CliIo): Promise<void> {
  const epochs = flags.epochs === undefined ? undefined : positiveInt(flags.epochs, '--epochs');
  const buckets = flags.buckets === undefined ? undefined : positiveInt(flags.buckets, '--buckets');
  const corpora = corporaOf(flags.corpora);
  const result = await runTraining({
    datasets: resolve(io.cwd, flags.datasets),
    modelsDir: resolve(io.cwd, flags.models),
    id: flags.id,
    version: flags.version,
    seed: positiveInt(flags.seed, '--seed'),
    ...(epochs === undefined ? {} : { epochs }),
    ...(buckets === undefined ? {} : { abuseBucketsLog2: buckets }),
    ...(corpora === undefined ? {} : { corpora }),
    functionalCases: flags.functional === 'none' ? null : resolve(io.cwd, flags.functional),
    functionalSecondCases:
      flags.functionalSecond === 'none' ? null : resolve(io.cwd, flags.functionalSecond),
    benignChat: flags.benignChat === 'none' ? null : resolve(io.cwd, flags.benignChat),
    compareWith: flags.compareWith === 'none' ? null : flags.compareWith,
    measureSlices: positiveInt(flags.measureSlices, '--measure-slices'),
    calibrationVersion: calibrationVersion(flags.calibration),
    plateau: plateauOf(flags.plateau),
    setDefault: flags.default,
    now: () => new Date(),
    log: (line) => io.stderr.write(`${line}\n`),
  });
  io.stdout.write(
    `${JSON.stringify({
      package: result.dir,
      sha256: result.manifestSha256,
      spanF1: {
        trial: result.spanF1Trial,
        heldOut: result.spanF1HeldOut,
        heldOutSlices: result.spanF1HeldOutSlices,
      },
      anyEce: result.anyEce,
      functionalAccuracy: result.functionalAccuracy,
      seconds: result.seconds,
    })}\n`,
  );
}

export const registerTrain: CommandRegistrar = (program: Command, io, setExitCode) => {
  program
    .command('train')
    .description(
      'Train the span-ngram screening model and write models/<id>/ (CPU, deterministic per seed).',
    )
    .option('--datasets <dir>', 'the shared corpora', '../shared/datasets')
    .option('--models <dir>', 'where model packages live', 'models')
    .option('--id <id>', 'package id (folder name under --models)', 'span-ngram-3')
    .option('--version <version>', 'package version', '3.0.0')
    .option('--seed <n>', 'training seed (same seed, same data: same model.onnx)', '20240601')
    .option('--epochs <n>', 'training epochs (default 6)')
    .option('--buckets <log2>', 'abuse-table size as a power of two (default 18)')
    .option('--corpora <list>', `train on a subset: ${CORPORA.join(',')}`)
    .option(
      '--functional <file>',
      "functional suite to report ('none' to skip)",
      'test/functional/cases.jsonl',
    )
    .option(
      '--functional-second <file>',
      "second, independent functional set to report ('none' to skip)",
      'test/functional/second/cases.jsonl',
    )
    .option(
      '--benign-chat <file>',
      "benign chat set whose flag rate is reported ('none' to skip)",
      'test/functional/benign/chat.jsonl',
    )
    .option(
      '--compare-with <id>',
      "installed package measured alongside for the model card ('none' to skip)",
      'span-ngram-2',
    )
    .option(
      '--calibration <version>',
      '1: span x conduct-given-abuse (span-ngram-1, -2); 2: word prior in the span calibration, conduct score = span probability (span-ngram-3)',
      '2',
    )
    .option(
      '--plateau <f1>',
      'F1 the insult/profanity threshold may give up below the smoothed peak (span-ngram-2: 0.003)',
      '0.006',
    )
    .option(
      '--measure-slices <n>',
      'held-apart toxic-spans slices span F1 is measured on (each beyond the first trains a measurement-only model)',
      '2',
    )
    .option('--no-default', 'do not point models/DEFAULT at the new package')
    .action(async (flags: TrainFlags) => {
      await train(flags, io);
      setExitCode(EXIT_OK);
    });
};
