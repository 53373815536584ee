import { type CommandRegistrar, EXIT_OK } from './io.js';
import { addScreeningOptions, runScreening, type ScreeningOptions } from './screening-run.js';

/**
 * `chatscreen score FILE`: one JSON line per message, `{messageId, scores: {<category>: p, ...,
 * any: p}}` (message-level probabilities; `any`: that some category applies).
 */
export const registerScore: CommandRegistrar = (program, io, setExitCode) => {
  const command = program
    .command('score')
    .description('message-level probabilities per category: one JSON line per message on stdout');
  addScreeningOptions(command).action(async (file: string, options: ScreeningOptions) => {
    await runScreening(file, options, io, (out, messageId, _message, result) => {
      out.add({ messageId, scores: result.scores });
    });
    setExitCode(EXIT_OK);
  });
};
