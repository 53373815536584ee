import type { CheckedFile } from './shared-exports.js';

export const CHECKED: readonly CheckedFile[] = [
  { path: 'signal/PROVENANCE.md', role: 'provenance' },
  { path: 'signal/chatminer__test_export.txt', role: 'export' },
  { path: 'signal/chatminer__target.json', role: 'ground-truth' },
];
