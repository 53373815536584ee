import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { secondCasesJsonl } from './jsonl.js';

// Regenerates cases.jsonl from cases.ts (the trainer reads the JSONL: src/ never imports test/).
// Run: npx tsx test/functional/second/write-cases.ts
writeFileSync(fileURLToPath(new URL('./cases.jsonl', import.meta.url)), secondCasesJsonl());
