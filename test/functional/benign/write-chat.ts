import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benignJsonl } from './jsonl.js';

// Regenerates chat.jsonl from chat.ts (the trainer reads the JSONL: src/ never imports test/).
// Run: npx tsx test/functional/benign/write-chat.ts
writeFileSync(fileURLToPath(new URL('./chat.jsonl', import.meta.url)), benignJsonl());
