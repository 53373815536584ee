import type { IdentityCategory } from '../../../src/domain/index.js';

/**
 * Target groups of the second functional set: the seven groups of the best-known hate-speech
 * suite, each named two ways (the usual term and one the first suite and the seeds never use),
 * with slurs and disguised spellings the first suite does not use either. Content warning:
 * slurs appear as test data, as they must for a detector of them to be tested.
 */
export interface GroupTerm {
  /** "Muslims" */
  plural: string;
  /** "a Muslim" */
  singular: string;
  /** The bare noun after "every", "the next": "Muslim". */
  noun: string;
}

export interface SecondGroup {
  id: string;
  category: IdentityCategory;
  /** Templates alternate between the two terms. */
  terms: readonly [GroupTerm, GroupTerm];
  slurPlural: string;
  slurSingular: string;
  /** Disguised spellings of the usual plural term. */
  swapped: string;
  dropped: string;
  /** The usual plural with its inner space removed (for glued sentences). */
  glued: string;
  spaced: string;
  leet: string;
}

export const SECOND_GROUPS: readonly SecondGroup[] = [
  {
    id: 'women',
    category: 'sex',
    terms: [
      { plural: 'women', singular: 'a woman', noun: 'woman' },
      { plural: 'wives', singular: 'a wife', noun: 'wife' },
    ],
    slurPlural: 'bitches',
    slurSingular: 'femoid',
    swapped: 'womne',
    dropped: 'wmen',
    glued: 'women',
    spaced: 'w o m e n',
    leet: 'wom3n',
  },
  {
    id: 'trans',
    category: 'gender_identity',
    terms: [
      { plural: 'trans people', singular: 'a trans person', noun: 'trans person' },
      { plural: 'trans men', singular: 'a trans man', noun: 'trans man' },
    ],
    slurPlural: 'transtrenders',
    slurSingular: 'transtrender',
    swapped: 'trasn people',
    dropped: 'tran people',
    glued: 'transpeople',
    spaced: 't r a n s people',
    leet: 'tr@ns people',
  },
  {
    id: 'gay',
    category: 'sexual_orientation',
    terms: [
      { plural: 'gay people', singular: 'a gay person', noun: 'gay person' },
      { plural: 'gay couples', singular: 'a gay couple', noun: 'gay couple' },
    ],
    slurPlural: 'poofters',
    slurSingular: 'poofter',
    swapped: 'gya people',
    dropped: 'gay peple',
    glued: 'gaypeople',
    spaced: 'g a y people',
    leet: 'g@y people',
  },
  {
    id: 'black',
    category: 'race',
    terms: [
      { plural: 'Black people', singular: 'a Black person', noun: 'Black person' },
      { plural: 'Black men', singular: 'a Black man', noun: 'Black man' },
    ],
    slurPlural: 'jigaboos',
    slurSingular: 'jigaboo',
    swapped: 'Blakc people',
    dropped: 'Blak people',
    glued: 'Blackpeople',
    spaced: 'B l a c k people',
    leet: 'bl@ck people',
  },
  {
    id: 'disabled',
    category: 'disability',
    terms: [
      { plural: 'disabled people', singular: 'a disabled person', noun: 'disabled person' },
      {
        plural: 'people with disabilities',
        singular: 'someone with a disability',
        noun: 'person with a disability',
      },
    ],
    slurPlural: 'spackers',
    slurSingular: 'spacker',
    swapped: 'disbaled people',
    dropped: 'disabld people',
    glued: 'disabledpeople',
    spaced: 'd i s a b l e d people',
    leet: 'd1sabled people',
  },
  {
    id: 'muslims',
    category: 'religion',
    terms: [
      { plural: 'Muslims', singular: 'a Muslim', noun: 'Muslim' },
      { plural: 'Muslim families', singular: 'a Muslim family', noun: 'Muslim family' },
    ],
    slurPlural: 'muzrats',
    slurSingular: 'muzrat',
    swapped: 'Musilms',
    dropped: 'Mslims',
    glued: 'Muslims',
    spaced: 'M u s l i m s',
    leet: 'mu$lims',
  },
  {
    id: 'immigrants',
    category: 'race',
    terms: [
      { plural: 'immigrants', singular: 'an immigrant', noun: 'immigrant' },
      { plural: 'foreigners', singular: 'a foreigner', noun: 'foreigner' },
    ],
    slurPlural: 'beaners',
    slurSingular: 'beaner',
    swapped: 'imimgrants',
    dropped: 'immigrnts',
    glued: 'immigrants',
    spaced: 'i m m i g r a n t s',
    leet: '1mmigrant$',
  },
];
