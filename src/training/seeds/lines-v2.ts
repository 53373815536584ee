/**
 * Group-free seed lines added for span-ngram-2 (markup as in templates.ts):
 * - gendered insults aimed at one person: `insult`, not `sex` (docs/categories.md), so the model
 *   sees the words as abuse of a person and the analysis (analyse-v2.ts) does not read them as a
 *   mention of women as a group;
 * - everyday police chat (a shift, custody, a suspect's description, black coffee, pride duty),
 *   so the abuse heads see the domain's ordinary words in harmless use. Words that version 1
 *   "corrected" into abuse (clock, spice, regarded...) are deliberately absent: the normaliser's
 *   common-word guard is what fixes those, and the benign chat set measures it.
 * None of these lines is a line of the benign chat set that measures false flags
 * (test/functional/benign), and a test checks it.
 */
export const GROUPLESS_LINES_V2: readonly string[] = [
  'shut up you [[stupid bitch]]',
  'kelly is a [[lying cow]]',
  "she's a [[right slag]], ignore her",
  'you [[dirty slut]]',
  'tell that [[bitch]] to mind her own business',
  'stop being such a [[bitch]] about the rota',
  'he is being a [[little bitch]] about it',
  "dave's missus is a [[nasty piece of work]]",
];

export const CLEAN_LINES_V2: readonly string[] = [
  'swapped my early shift for a late on tuesday',
  'shift handover is in the parade room',
  'anyone know who is on the rest day rota',
  'the prisoner is back in custody after hospital',
  'custody record needs signing off before you go',
  'suspect made off on foot towards the park',
  'suspect is a white female, blonde, about 40',
  'described as a black male wearing a blue tracksuit',
  'two black coffees and a tea please',
  'black car parked on the double yellows again',
  'pride march stewarding brief is on thursday',
  'the gay pride float needs two more drivers',
  'ramadan mubarak to all our muslim colleagues',
  'the jewish community centre asked for a visit',
  'we need someone who speaks polish for the interview',
];
