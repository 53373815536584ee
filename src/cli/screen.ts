import type { SpanFlag } from '../domain/index.js';
import { type CommandRegistrar, EXIT_OK } from './io.js';
import { addScreeningOptions, runScreening, type ScreeningOptions } from './screening-run.js';

/**
 * `chatscreen screen FILE`: one JSON flag per line, `{messageId, start, end, text, category,
 * score, model: {id, sha256}}`, offsets in UTF-16 code units into the message text (end
 * exclusive); then one JSON line on stderr with the model and the export record.
 */
export const registerScreen: CommandRegistrar = (program, io, setExitCode) => {
  const command = program
    .command('screen')
    .description('flag discriminatory and abusive spans: one JSON flag per line on stdout');
  addScreeningOptions(command).action(async (file: string, options: ScreeningOptions) => {
    await runScreening(file, options, io, (out, messageId, message, result, classifier) => {
      for (const span of result.spans) {
        const flag: SpanFlag = {
          messageId,
          start: span.start,
          end: span.end,
          text: message.text.slice(span.start, span.end),
          category: span.category,
          score: span.score,
          model: classifier.model,
        };
        out.add(flag);
      }
    });
    setExitCode(EXIT_OK);
  });
};
