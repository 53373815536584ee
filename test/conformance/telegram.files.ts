import type { CheckedFile } from './shared-exports.js';

export const CHECKED: readonly CheckedFile[] = [
  { path: 'telegram/PROVENANCE.md', role: 'provenance' },
  { path: 'telegram/chatminer__target.json', role: 'ground-truth' },
  { path: 'telegram/chatminer__test_batch_export.json', role: 'export' },
  { path: 'telegram/chatminer__test_single_export.json', role: 'export' },
  { path: 'telegram/langchain__telegram_chat_json__result.json', role: 'export' },
];
