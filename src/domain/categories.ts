/**
 * The category taxonomy. These ids are a contract: they appear in flags, manifests, reports and
 * the API, so they never change meaning. See docs/categories.md for definitions and examples.
 */
export const IDENTITY_CATEGORIES = [
  'race',
  'religion',
  'sex',
  'sexual_orientation',
  'gender_identity',
  'disability',
] as const;

export const CONDUCT_CATEGORIES = ['threat', 'sexual_violence', 'insult', 'profanity'] as const;

export const CATEGORIES = [...IDENTITY_CATEGORIES, ...CONDUCT_CATEGORIES] as const;

export type IdentityCategory = (typeof IDENTITY_CATEGORIES)[number];
export type ConductCategory = (typeof CONDUCT_CATEGORIES)[number];
export type Category = (typeof CATEGORIES)[number];

/** Per-category values, always with every category present. */
export type CategoryRecord<T> = Record<Category, T>;

/** Message-level scores: one calibrated probability per category plus `any`. */
export type CategoryScores = CategoryRecord<number> & { any: number };

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function isIdentityCategory(value: string): value is IdentityCategory {
  return (IDENTITY_CATEGORIES as readonly string[]).includes(value);
}

/** Review priority when a queue sorts by category: identity abuse and threats first, profanity last. */
export const CATEGORY_PRIORITY: CategoryRecord<number> = {
  threat: 0,
  sexual_violence: 1,
  race: 2,
  religion: 2,
  sex: 2,
  sexual_orientation: 2,
  gender_identity: 2,
  disability: 2,
  insult: 3,
  profanity: 4,
};
