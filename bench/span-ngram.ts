import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { CATEGORIES, type Category } from '../src/domain/index.js';
import { loadModel } from '../src/screening/package/resolve.js';
import { openSpanNgramScorer } from '../src/screening/span-ngram/scorer.js';
import { benchMessages } from './screen-messages.js';

/**
 * Single-thread throughput of the span-ngram scorer (no worker pool), with where the time goes,
 * against obscenity on the same messages. `npm run bench:span-ngram [-- --messages N]`.
 */
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '50000' },
    'batch-size': { type: 'string', default: '256' },
    'models-dir': { type: 'string', default: 'models' },
    model: { type: 'string' },
  },
});
const count = Number(values.messages);
const batchSize = Number(values['batch-size']);
const messages = benchMessages(count);
const pkg = await loadModel(resolve(values['models-dir']), values.model);
const scorer = await openSpanNgramScorer(pkg);
const thresholds = pkg.manifest.thresholds as Record<Category, number>;
for (const c of CATEGORIES) thresholds[c] ??= 0.5;

await scorer.screen(messages.slice(0, 2000), thresholds);
let flags = 0;
const started = process.hrtime.bigint();
for (let i = 0; i < messages.length; i += batchSize) {
  const results = await scorer.screen(messages.slice(i, i + batchSize), thresholds);
  for (const r of results) flags += r.spans.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

// Where the time goes: featurisation alone (analysis + feature ids), the rest is the session.
const featuriseStarted = process.hrtime.bigint();
for (const text of messages) scorer.engine.analyse(text);
const analyseSeconds = Number(process.hrtime.bigint() - featuriseStarted) / 1e9;

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
let matches = 0;
const obscenityStarted = process.hrtime.bigint();
for (const text of messages) matches += matcher.getAllMatches(text).length;
const obscenitySeconds = Number(process.hrtime.bigint() - obscenityStarted) / 1e9;
await scorer.close();

console.log(
  JSON.stringify(
    {
      model: pkg.ref,
      messages: count,
      batchSize,
      spanNgram: { seconds, messagesPerSecond: Math.round(count / seconds), flags },
      normaliseAndAnalyseOnly: {
        seconds: analyseSeconds,
        messagesPerSecond: Math.round(count / analyseSeconds),
      },
      obscenity: {
        seconds: obscenitySeconds,
        messagesPerSecond: Math.round(count / obscenitySeconds),
        matches,
      },
      slowerThanObscenity: Number((seconds / obscenitySeconds).toFixed(2)),
    },
    null,
    2,
  ),
);
