import type { CheckedFile } from './shared-exports.js';

/** msgvault's test data sets: each is rebuilt as one export folder (see messenger.test.ts). */
export const MSGVAULT_SETS: Record<string, readonly string[]> = {
  corrupt: ['inbox__broken_BAD__message_1.json', 'inbox__goodsibling_OK__message_1.json'],
  e2ee_simple: ['alice_1.json', 'group_2.json'],
  json_group: ['inbox__crew_GRP123__message_1.json'],
  json_multifile: [
    'inbox__dave_MULTI__message_1.json',
    'inbox__dave_MULTI__message_10.json',
    'inbox__dave_MULTI__message_2.json',
  ],
  json_nontext: ['inbox__sam_NONTXT__message_1.json'],
  json_simple: [
    'archived_threads__zoe_ARCH__message_1.json',
    'inbox__alice_ABC123__message_1.json',
  ],
  json_with_media: ['inbox__bob_XYZ789__message_1.json'],
  json_with_media_alt: ['inbox__carol_ALT456__message_1.json'],
  mixed: ['inbox__eve_MIX__message_1.json'],
};

export const CHECKED: readonly CheckedFile[] = [
  { path: 'messenger/PROVENANCE.md', role: 'provenance' },
  { path: 'messenger/chatminer__instagram_target.json', role: 'ground-truth' },
  { path: 'messenger/chatminer__instagram_test_export.json', role: 'export' },
  ...Object.entries(MSGVAULT_SETS).flatMap(([set, files]) =>
    files.map((f) => ({ path: `messenger/msgvault__${set}__${f}`, role: 'export' as const })),
  ),
];
