import type { CheckedFile } from './shared-exports.js';

export const CHECKED: readonly CheckedFile[] = [
  { path: 'discord/PROVENANCE.md', role: 'provenance' },
  { path: 'discord/chatanalytics__SV_5A_5M.json', role: 'export' },
  { path: 'discord/langchain__discord_chat_copy_paste.txt', role: 'not-an-export' },
];
