import type { IdentityCategory } from '../../src/domain/index.js';

/**
 * The target groups of the functional suite. Content warning: slurs appear as test data, as
 * they must for a detector of them to be tested.
 */
export interface TargetGroup {
  id: string;
  category: IdentityCategory;
  /** "Muslims" */
  plural: string;
  /** "a Muslim" */
  singular: string;
  /** The bare noun for "every X", "the next X": "Muslim". */
  noun: string;
  slurPlural: string;
  slurSingular: string;
  /** Disguised spellings of the plural: adjacent letters swapped, a letter dropped, spaced, leet. */
  swapped: string;
  dropped: string;
  spaced: string;
  leet: string;
  /** The plural with the space to the next word removed: "Muslimsare". */
  glued: string;
}

export const GROUPS: readonly TargetGroup[] = [
  {
    id: 'women',
    category: 'sex',
    plural: 'women',
    singular: 'a woman',
    noun: 'woman',
    slurPlural: 'sluts',
    slurSingular: 'slut',
    swapped: 'wmoen',
    dropped: 'womn',
    spaced: 'w o m e n',
    leet: 'w0m3n',
    glued: 'women',
  },
  {
    id: 'trans',
    category: 'gender_identity',
    plural: 'trans people',
    singular: 'a trans person',
    noun: 'trans person',
    slurPlural: 'trannies',
    slurSingular: 'tranny',
    swapped: 'tarns people',
    dropped: 'trns people',
    spaced: 't r a n s people',
    leet: 'tr4n5 people',
    glued: 'transpeople',
  },
  {
    id: 'gay',
    category: 'sexual_orientation',
    plural: 'gay people',
    singular: 'a gay man',
    noun: 'gay man',
    slurPlural: 'faggots',
    slurSingular: 'faggot',
    swapped: 'gay poeple',
    dropped: 'homosexuls',
    spaced: 'g a y people',
    leet: 'g4y people',
    glued: 'gaypeople',
  },
  {
    id: 'black',
    category: 'race',
    plural: 'Black people',
    singular: 'a Black person',
    noun: 'Black person',
    slurPlural: 'niggers',
    slurSingular: 'nigger',
    swapped: 'Balck people',
    dropped: 'Blck people',
    spaced: 'B l a c k people',
    leet: 'Bl4ck people',
    glued: 'Blackpeople',
  },
  {
    id: 'disabled',
    category: 'disability',
    plural: 'disabled people',
    singular: 'a disabled person',
    noun: 'disabled person',
    slurPlural: 'retards',
    slurSingular: 'retard',
    swapped: 'disalbed people',
    dropped: 'disbled people',
    spaced: 'd i s a b l e d people',
    leet: 'd1s4bled people',
    glued: 'disabledpeople',
  },
  {
    id: 'muslims',
    category: 'religion',
    plural: 'Muslims',
    singular: 'a Muslim',
    noun: 'Muslim',
    slurPlural: 'ragheads',
    slurSingular: 'raghead',
    swapped: 'Mulsims',
    dropped: 'Muslms',
    spaced: 'M u s l i m s',
    leet: 'Mu5l1m5',
    glued: 'Muslims',
  },
  {
    id: 'immigrants',
    category: 'race',
    plural: 'immigrants',
    singular: 'an immigrant',
    noun: 'immigrant',
    slurPlural: 'wetbacks',
    slurSingular: 'wetback',
    swapped: 'immigarnts',
    dropped: 'imigrants',
    spaced: 'i m m i g r a n t s',
    leet: '1mm1gr4nts',
    glued: 'immigrants',
  },
  {
    id: 'jews',
    category: 'religion',
    plural: 'Jews',
    singular: 'a Jew',
    noun: 'Jew',
    slurPlural: 'kikes',
    slurSingular: 'kike',
    swapped: 'Jwes',
    dropped: 'Jewss',
    spaced: 'J e w s',
    leet: 'J3ws',
    glued: 'Jews',
  },
];
