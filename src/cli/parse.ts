import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { DATE_ORDERS, type DateOrder, EXPORT_FORMATS, type ExportFormat } from '../domain/index.js';
import { readExport } from '../ingest/read-export.js';
import { type CommandRegistrar, EXIT_OK } from './io.js';
import { JsonLinesOut } from './json-lines.js';

interface ParseOptions {
  format: ExportFormat | 'auto';
  tz?: string;
  dateOrder?: DateOrder;
}

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
      const out = new JsonLinesOut(io.stdout);
      try {
        for await (const message of reading.messages) {
          if (!(await out.write(message))) {
            // The reader went away (`| head`): stop reading; nothing is wrong with the input.
            await reading.close();
            setExitCode(EXIT_OK);
            return;
          }
        }
      } finally {
        await out.flush();
      }
      io.stderr.write(`${JSON.stringify(reading.record())}\n`);
      setExitCode(EXIT_OK);
    });
};
