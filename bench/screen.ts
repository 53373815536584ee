// npm run bench:screen [-- --messages N --workers N --batch-size N --model ID --models-dir DIR]
//
// Messages per second through openClassifier (worker pool, end to end from texts to results),
// and the obscenity keyword filter (English preset) on the same messages in the same run.
// Goals (issue 3): >= 10,000 msgs/s with 2 workers on 2 cores, and at most 5x slower than
// obscenity. Without an installed model it benchmarks the tiny test model and says so.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import {
  type Classifier,
  DEFAULT_BATCH_SIZE,
  listModelPackages,
  loadModel,
  loadModelPackage,
  openPackageClassifier,
  type VerifiedPackage,
} from '../src/screening/index.js';
import { buildTinyHfPackage } from '../test/screening/fixtures/tiny-hf.js';
import { benchMessages } from './screen-messages.js';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' },
    workers: { type: 'string', default: '2' },
    'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    model: { type: 'string' },
    'models-dir': { type: 'string', default: new URL('../models', import.meta.url).pathname },
  },
});
const count = Number(args.messages);
const workers = Number(args.workers);
const batchSize = Number(args['batch-size']);
const CHUNK = 4096;

async function pickPackage(scratch: string): Promise<{ pkg: VerifiedPackage; note: string }> {
  const modelsDir = args['models-dir'];
  const installed = (await listModelPackages(modelsDir)).filter((entry) => entry.ok);
  if (args.model !== undefined || installed.length > 0) {
    const pkg = await loadModel(modelsDir, args.model);
    return { pkg, note: `installed model ${pkg.ref.id}` };
  }
  const dir = join(scratch, 'tiny-hf-token');
  await buildTinyHfPackage(dir);
  return {
    pkg: await loadModelPackage(dir),
    note: 'NO MODEL INSTALLED: the tiny Hugging Face test model (token classification via transformers.js)',
  };
}

function measureObscenity(messages: readonly string[]): { perSecond: number; flagged: number } {
  const matcher = new RegExpMatcher({
    ...englishDataset.build(),
    ...englishRecommendedTransformers,
  });
  for (const text of messages.slice(0, 2000)) matcher.getAllMatches(text); // warm-up
  let flagged = 0;
  const start = process.hrtime.bigint();
  for (const text of messages) if (matcher.getAllMatches(text).length > 0) flagged += 1;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSecond: messages.length / seconds, flagged };
}

/** Like the CLI: chunks in flight two at a time, results consumed in order. */
async function measureClassifier(classifier: Classifier, messages: readonly string[]) {
  await classifier.screen(messages.slice(0, 2000)); // warm-up
  let flagged = 0;
  const start = process.hrtime.bigint();
  const pending: Promise<{ spans: unknown[] }[]>[] = [];
  const consume = async () => {
    for (const result of (await pending.shift()) ?? []) if (result.spans.length > 0) flagged += 1;
  };
  for (let at = 0; at < messages.length; at += CHUNK) {
    pending.push(classifier.screen(messages.slice(at, at + CHUNK)));
    if (pending.length >= 2) await consume();
  }
  while (pending.length > 0) await consume();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSecond: messages.length / seconds, flagged };
}

const scratch = await mkdtemp(join(tmpdir(), 'chatscreen-bench-'));
try {
  const messages = benchMessages(count);
  const { pkg, note } = await pickPackage(scratch);
  const opened = process.hrtime.bigint();
  const classifier = await openPackageClassifier(pkg, { workers, batchSize });
  const startup = Number(process.hrtime.bigint() - opened) / 1e9;
  let ours: { perSecond: number; flagged: number };
  try {
    ours = await measureClassifier(classifier, messages);
  } finally {
    await classifier.close();
  }
  const theirs = measureObscenity(messages);
  const ratio = theirs.perSecond / ours.perSecond;
  const round = (n: number) => Math.round(n).toLocaleString('en-GB');
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`model:        ${note} (sha256 ${pkg.ref.sha256.slice(0, 16)}...)`);
  console.log(`machine:      ${cpu}, ${availableParallelism()} cores, Node ${process.version}`);
  console.log(`messages:     ${round(messages.length)} (workers ${workers}, batch ${batchSize})`);
  console.log(`startup:      ${startup.toFixed(2)} s (verify package, start workers, load model)`);
  console.log(
    `chatscreen:   ${round(ours.perSecond)} msgs/s, ${round(ours.flagged)} messages flagged`,
  );
  console.log(
    `obscenity:    ${round(theirs.perSecond)} msgs/s, ${round(theirs.flagged)} messages flagged`,
  );
  console.log(`slower by:    ${ratio.toFixed(2)}x (goal <= 5x)`);
  const pass = ours.perSecond >= 10_000 && ratio <= 5;
  console.log(`goals:        ${pass ? 'MET' : 'NOT MET'} (>= 10,000 msgs/s and <= 5x obscenity)`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
