import type { CheckedFile } from './shared-exports.js';

export const CHECKED: readonly CheckedFile[] = [
  { path: 'sms/PROVENANCE.md', role: 'provenance' },
  { path: 'sms/memacs__smsxml.xml', role: 'export' },
];
