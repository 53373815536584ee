import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import {
  ChatscreenError,
  DATE_ORDERS,
  type DateOrder,
  EXPORT_FORMATS,
  type ExportFormat,
  type Message,
  type MessageScreening,
} from '../domain/index.js';
import { readExport } from '../ingest/read-export.js';
import { type Classifier, openClassifier } from '../screening/index.js';
import type { CliIo } from './io.js';
import { JsonLinesOut } from './json-lines.js';

/** Options `screen` and `score` share. */
export interface ScreeningOptions {
  format: ExportFormat | 'auto';
  tz?: string;
  dateOrder?: DateOrder;
  model?: string;
  minScore?: string;
  modelsDir?: string;
  workers?: string;
  batchSize?: string;
}

/** The models shipped with chatscreen: <package root>/models, from src/cli or dist/cli alike. */
const BUNDLED_MODELS = new URL('../../models', import.meta.url).pathname;

export function addScreeningOptions(command: Command): Command {
  return command
    .argument('<file>', 'export file, zip or folder, or a JSONL of {id, text}')
    .addOption(
      new Option('--format <format>', 'export format')
        .choices(['auto', ...EXPORT_FORMATS])
        .default('auto'),
    )
    .option('--tz <zone>', 'IANA zone for times written without an offset (default: UTC)')
    .addOption(
      new Option('--date-order <order>', 'day/month order of numeric dates').choices(DATE_ORDERS),
    )
    .option('--model <id>', 'model package id (default: $CHATSCREEN_MODEL, models/DEFAULT)')
    .option('--min-score <p>', "report spans scoring at least p (default: the model's thresholds)")
    .option(
      '--models-dir <dir>',
      'folder of model packages (default: $CHATSCREEN_MODELS_DIR or the bundled models/)',
    )
    .option('--workers <n>', 'worker threads (default: one per CPU)')
    .option('--batch-size <n>', 'messages per batch sent to a worker (default: 64)');
}

function whole(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new ChatscreenError('invalid_option', `${option} takes a whole number`, { option });
  }
  return Number(value);
}

function probability(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const p = Number(value);
  if (value.trim() === '' || !Number.isFinite(p) || p < 0 || p > 1) {
    throw new ChatscreenError('invalid_option', '--min-score takes a number from 0 to 1', {
      option: '--min-score',
    });
  }
  return p;
}

export type Emit = (
  out: JsonLinesOut,
  messageId: string,
  message: Message,
  result: MessageScreening,
  classifier: Classifier,
) => void;

/**
 * The id users join on: for a generic JSONL/CSV input, the record's own `id` (they chose it);
 * for platform exports, the importer's deterministic id (platform ids are not unique across an
 * export's conversations).
 */
const GENERIC_FORMATS: ReadonlySet<ExportFormat> = new Set(['jsonl', 'csv']);
const ownId = (message: Message): string => message.sourceId ?? message.id;
const importerId = (message: Message): string => message.id;

/** Messages per `screen` call: the pool spreads it over its workers in batches. */
const CHUNK = 1024;
/** Chunks in flight at once: one being scored while the next is read and queued. */
const IN_FLIGHT = 2;

/**
 * Reads an export and screens every message through a worker pool, in chunks: memory stays
 * bounded by a few chunks whatever the export size, the next chunk is read while the previous
 * is scored, and output waits for stdout to drain. Stops quietly if stdout is closed (`| head`).
 * Every message is scored, whatever its kind: system lines (group names) can be abusive too.
 */
export async function runScreening(
  file: string,
  options: ScreeningOptions,
  io: CliIo,
  emit: Emit,
): Promise<void> {
  const minScore = probability(options.minScore);
  const workers = whole(options.workers, '--workers');
  const batchSize = whole(options.batchSize, '--batch-size');
  const path = resolve(io.cwd, file);
  // Opened side by side: reading may hash a large input first, loading may verify a large model.
  const [opened, loaded] = await Promise.allSettled([
    readExport(path, {
      format: options.format,
      ...(options.tz === undefined ? {} : { timezone: options.tz }),
      ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
    }),
    openClassifier({
      modelsDir: resolve(
        io.cwd,
        options.modelsDir ?? io.env.CHATSCREEN_MODELS_DIR ?? BUNDLED_MODELS,
      ),
      modelId: options.model,
      defaultModelId: io.env.CHATSCREEN_MODEL,
      workers,
      batchSize,
    }),
  ]);
  const reading = opened.status === 'fulfilled' ? opened.value : null;
  const classifier = loaded.status === 'fulfilled' ? loaded.value : null;
  try {
    if (opened.status === 'rejected') throw opened.reason;
    if (loaded.status === 'rejected') throw loaded.reason;
    if (reading === null || classifier === null) return;
    const complete = await pump(reading.messages, {
      classifier,
      minScore,
      out: new JsonLinesOut(io.stdout),
      emit,
      joinId: GENERIC_FORMATS.has(reading.format) ? ownId : importerId,
    });
    // Like `parse`: what was read (input SHA-256, format, zone, report) and with which model.
    if (complete) {
      io.stderr.write(`${JSON.stringify({ model: classifier.model, export: reading.record() })}\n`);
    }
  } finally {
    await classifier?.close();
    await reading?.close();
  }
}

interface Pump {
  classifier: Classifier;
  minScore: number | undefined;
  out: JsonLinesOut;
  emit: Emit;
  joinId: (message: Message) => string;
}

async function pump(messages: AsyncIterable<Message>, p: Pump): Promise<boolean> {
  const pending: { messages: Message[]; results: Promise<MessageScreening[]> }[] = [];
  const send = (chunk: Message[]) => {
    const texts = chunk.map((m) => m.text);
    const results = p.classifier.screen(
      texts,
      p.minScore === undefined ? {} : { minScore: p.minScore },
    );
    results.catch(() => undefined); // awaited in order below; this only marks it handled
    pending.push({ messages: chunk, results });
  };
  const drainOne = async (): Promise<boolean> => {
    const next = pending.shift();
    if (next === undefined) return true;
    const results = await next.results;
    next.messages.forEach((message, i) => {
      const result = results[i];
      if (result !== undefined) p.emit(p.out, p.joinId(message), message, result, p.classifier);
    });
    return p.out.flush();
  };
  let chunk: Message[] = [];
  for await (const message of messages) {
    chunk.push(message);
    if (chunk.length < CHUNK) continue;
    send(chunk);
    chunk = [];
    if (pending.length >= IN_FLIGHT && !(await drainOne())) return false;
  }
  if (chunk.length > 0) send(chunk);
  while (pending.length > 0) if (!(await drainOne())) return false;
  return true;
}
