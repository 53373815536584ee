import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { type Command, Option } from 'commander';
import { DATE_ORDERS, type DateOrder, EXPORT_FORMATS, type ExportFormat } from '../domain/index.js';
import { readExport } from '../ingest/read-export.js';
import { type CommandRegistrar, EXIT_OK } from './io.js';

interface ParseOptions {
  format: ExportFormat | 'auto';
  tz?: string;
  dateOrder?: DateOrder;
}

/** Messages are written in batches of about this many bytes: one syscall per message is slow. */
const BATCH_BYTES = 64 * 1024;

/**
 * `chatscreen parse FILE`: one JSON message per line on stdout, the export record (sha256,
 * format, zone, parse report) as one JSON line on stderr. Unusable input throws a
 * ChatscreenError, which the CLI turns into exit code 2 and a one-line reason.
 */
export const registerParse: CommandRegistrar = (program: Command, io, setExitCode) => {
  program
    .command('parse')
    .description('read a chat export: messages as JSON lines on stdout, the parse report on stderr')
    .argument('<file>', 'export file, zip or folder')
    .addOption(
      new Option('--format <format>', 'export format')
        .choices(['auto', ...EXPORT_FORMATS])
        .default('auto'),
    )
    .option(
      '--tz <zone>',
      'IANA zone for times written without an offset (default: UTC, noted in the report)',
    )
    .addOption(
      new Option('--date-order <order>', 'day/month order of numeric dates').choices(DATE_ORDERS),
    )
    .action(async (file: string, options: ParseOptions) => {
      const reading = await readExport(resolve(io.cwd, file), {
        format: options.format,
        ...(options.tz === undefined ? {} : { timezone: options.tz }),
        ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
      });
      const writer = new LineWriter(io.stdout);
      try {
        for await (const message of reading.messages) {
          if (!(await writer.write(`${JSON.stringify(message)}\n`))) {
            // The reader went away (`| head`): stop reading; nothing is wrong with the input.
            await reading.close();
            setExitCode(EXIT_OK);
            return;
          }
        }
      } finally {
        await writer.flush();
      }
      io.stderr.write(`${JSON.stringify(reading.record())}\n`);
      setExitCode(EXIT_OK);
    });
};

/** Batches lines and waits for `drain`, so a slow consumer never makes memory grow. */
class LineWriter {
  private pending: string[] = [];
  private pendingBytes = 0;
  private closed = false;

  constructor(private readonly out: Writable) {
    out.once('error', () => {
      this.closed = true;
    });
    out.once('close', () => {
      this.closed = true;
    });
  }

  /** False once the output is closed. */
  async write(line: string): Promise<boolean> {
    if (this.closed) return false;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= BATCH_BYTES) await this.flush();
    return !this.closed;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0 || this.closed) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    if (this.out.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.out.off('drain', done);
        this.out.off('close', done);
        this.out.off('error', done);
        resolve();
      };
      this.out.on('drain', done);
      this.out.on('close', done);
      this.out.on('error', done);
    });
  }
}
