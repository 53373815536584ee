import { runCli } from './main.js';

// The process-level entry: bin/chatscreen.js loads the compiled copy of this file.
process.exitCode = await runCli(process.argv.slice(2));
