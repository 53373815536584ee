import type { CheckedFile } from './shared-exports.js';

const msgvault = [
  'D001__2024-01-05.json',
  'D002__2024-01-06.json',
  'channels.json',
  'dms.json',
  'general__2024-01-01.json',
  'general__2024-01-02.json',
  'groups.json',
  'mpdm-alice--bob-1__2024-01-04.json',
  'mpims.json',
  'private-team__2024-01-03.json',
  'users.json',
].map((f) => `slack/msgvault__standard__${f}`);

const slackdumpExport = [
  'channels.json',
  'dms.json',
  'groups.json',
  'mpims.json',
  'ref-channels.json',
  'users.json',
].map((f) => `slack/slackdump__export__${f}`);

const slackdumpSourceDir = [
  'B75B4C7__2025-01-10.json',
  'B75B4C7__2025-01-11.json',
  'B75B4C7__2025-01-18.json',
  'B75B4C7__2025-01-24.json',
  'channels.json',
  'dms.json',
  'groups.json',
  'mpims.json',
  'users.json',
].map((f) => `slack/slackdump__source_export_dir__${f}`);

const nativeExport = ['channels.json', 'everyone_channel_messages.json'].map(
  (f) => `slack/slackdump__native_export__${f}`,
);

/** Each set is rebuilt as one folder export and parsed as a whole (see slack.test.ts). */
export const SETS: Record<string, readonly string[]> = {
  'msgvault standard': msgvault,
  'slackdump export': slackdumpExport,
  'slackdump source_export_dir': slackdumpSourceDir,
  'slackdump native_export': nativeExport,
};

export const CHECKED: readonly CheckedFile[] = [
  { path: 'slack/PROVENANCE.md', role: 'provenance' },
  ...Object.values(SETS)
    .flat()
    .map((path) => ({ path, role: 'export' as const })),
];
