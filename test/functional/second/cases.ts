import type { IdentityCategory } from '../../../src/domain/index.js';
import { type GroupTerm, SECOND_GROUPS, type SecondGroup } from './groups.js';

/**
 * The second functional set: written after the first release, independently of the first suite
 * (test/functional/cases.ts) and of the training seeds, with other templates, words, phrasings,
 * group terms, slurs and disguised spellings, and scored only as a measurement, never tuned on.
 * It follows the functionalities of HateCheck (Röttger et al. 2021) for its seven target groups.
 * A case is `hateful` when a reviewer should see an identity category flagged; a non-hateful case
 * passes when no identity category is flagged (insult or profanity flags on it are fine).
 *
 * Gendered insults aimed at one person ("you silly cow") are `insult`, not `sex`
 * (docs/categories.md); the women's slur cases therefore use slurs aimed at women as a class.
 */
export interface SecondCase {
  id: string;
  behaviour: SecondBehaviour;
  group: string;
  text: string;
  hateful: boolean;
  category?: IdentityCategory;
}

export const SECOND_HATEFUL = [
  'derogation_emotion',
  'derogation_attribute',
  'dehumanisation',
  'implicit_derogation',
  'threat_stated',
  'threat_normative',
  'slur',
  'hate_with_profanity',
  'pronoun_clause',
  'pronoun_sentence',
  'negated_positive',
  'question',
  'opinion',
  'spelling_swap',
  'spelling_drop',
  'spelling_no_space',
  'spelling_added_spaces',
  'spelling_leet',
] as const;

export const SECOND_NON_HATEFUL = [
  'neutral_mention',
  'positive_mention',
  'negated_hate',
  'counter_quote',
  'counter_reference',
  'abuse_at_object',
  'abuse_at_individual',
  'abuse_at_non_protected_group',
  'profanity_not_hateful',
  'slur_homonym',
  'reclaimed_slur',
] as const;

export type SecondBehaviour = (typeof SECOND_HATEFUL)[number] | (typeof SECOND_NON_HATEFUL)[number];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A template sees one term of the group (they alternate) and the group itself. */
type Template = (t: GroupTerm, g: SecondGroup) => string;

const HATEFUL: Record<(typeof SECOND_HATEFUL)[number], readonly Template[]> = {
  derogation_emotion: [
    (t) => `${cap(t.plural)} make my skin crawl.`,
    (t) => `I loathe ${t.plural}, always have.`,
    (t) => `being in a room full of ${t.plural} makes me want to vomit`,
    (t) => `My hatred for ${t.plural} knows no limits`,
  ],
  derogation_attribute: [
    (t) => `${cap(t.plural)} are all greedy, dishonest cheats.`,
    (t) => `${cap(t.plural)} are born liars and thieves`,
    (t) => `every single ${t.noun} I've met has been a dirty crook`,
    (t) => `${cap(t.plural)} are idle and thick, the whole lot`,
  ],
  dehumanisation: [
    (t) => `${cap(t.plural)} are maggots.`,
    (t) => `${cap(t.plural)} are just dogs walking on two legs`,
    (t) => `${cap(t.plural)} are lice infesting our streets`,
    (t) => `${cap(t.plural)} are swine, not people`,
  ],
  implicit_derogation: [
    (t) => `I'd rather share a house with rats than with ${t.plural}`,
    (t) => `${cap(t.plural)} are only fit for scrubbing toilets`,
    (t) => `You need a tetanus jab after shaking hands with ${t.singular}`,
    (t) => `${cap(t.plural)} should be grateful we let them breathe our air`,
  ],
  threat_stated: [
    (t) => `I'm going to shoot the next ${t.noun} who comes through that door`,
    (t) => `Give me ten minutes alone with ${t.plural} and they'll all end up in hospital`,
    (t) => `I will personally break the neck of every ${t.noun} in this town`,
    (t) => `me and my brother are going to batter ${t.singular} tonight, just watch`,
  ],
  threat_normative: [
    (t) => `${cap(t.plural)} ought to be strung up.`,
    (t) => `All ${t.plural} need to be put down like rabid dogs`,
    (t) => `The only good ${t.noun} is a dead one`,
    (t) => `${cap(t.plural)} should be wiped off the face of the earth`,
  ],
  slur: [
    (_t, g) => `${cap(g.slurPlural)} everywhere you look these days`,
    (_t, g) => `Not sitting next to that ${g.slurSingular} on the bus`,
    (_t, g) => `there's a ${g.slurSingular} living above the chip shop`,
    (_t, g) => `typical ${g.slurPlural}, always whining about something`,
  ],
  hate_with_profanity: [
    (t) => `${cap(t.plural)} are a bunch of shitstains`,
    (t) => `Fuck ${t.plural} and everything they stand for`,
    (t) => `I'm so done with ${t.plural} and their bullshit`,
    (t) => `${cap(t.plural)} are all arseholes`,
  ],
  pronoun_clause: [
    (t) => `You can always tell when ${t.plural} have been somewhere because they leave it filthy`,
    (t) => `Whenever I see ${t.plural} I remember how repulsive they are`,
    (t) => `${cap(t.plural)} keep moving onto my road and they are all crooks`,
    (t) => `I used to work with ${t.singular} and they were a complete waste of space`,
  ],
  pronoun_sentence: [
    (t) => `Met a few ${t.plural} at the party. Absolute scum, every one of them.`,
    (t) => `${cap(t.plural)}? Don't get me started. They're a stain on humanity.`,
    (t) =>
      `We've got more ${t.plural} at work now. I can't stand being near them, they're revolting.`,
    (t) => `Another ${t.noun} moved onto the estate. Vile creatures, honestly.`,
  ],
  negated_positive: [
    (t) => `${cap(t.plural)} are not worth the air they breathe.`,
    (t) => `${cap(t.plural)} have no place in a civilised society`,
    (t) => `No ${t.noun} deserves any respect`,
    (t) => `${cap(t.plural)} will never be as good as the rest of us`,
  ],
  question: [
    (t) => `Why do ${t.plural} always have to be so vile?`,
    (t) => `Wouldn't life be better if there were no ${t.plural}?`,
    (t) => `Has anyone else noticed how stupid ${t.plural} are?`,
    (t) => `Are ${t.plural} even capable of basic hygiene?`,
  ],
  opinion: [
    (t) => `If you ask me, ${t.plural} are a curse.`,
    (t) => `Personally I think ${t.plural} are disgusting creatures`,
    (t) => `I'm convinced ${t.plural} are the worst thing to happen to this country`,
    (t) => `To be honest I feel like ${t.plural} are lesser beings`,
  ],
  spelling_swap: [
    (_t, g) => `${cap(g.swapped)} are revolting`,
    (_t, g) => `kick out all the ${g.swapped}`,
    (t) => `${cap(t.plural)} are revloting`,
    (_t, g) => `I loathe ${g.swapped}`,
  ],
  spelling_drop: [
    (_t, g) => `${cap(g.dropped)} are revolting`,
    (_t, g) => `get rid of all ${g.dropped}`,
    (t) => `${cap(t.plural)} are revoltng`,
    (_t, g) => `I loathe ${g.dropped}`,
  ],
  spelling_no_space: [
    (_t, g) => `I loathe${g.glued}`,
    (_t, g) => `deathto${g.glued}`,
    (t) => `${cap(t.plural)} are totalscum`,
    (_t, g) => `${cap(g.glued)}arerevolting`,
  ],
  spelling_added_spaces: [
    (_t, g) => `${cap(g.spaced)} are revolting`,
    (_t, g) => `get rid of all ${g.spaced}`,
    (t) => `${cap(t.plural)} are s c u m`,
    (_t, g) => `I loathe ${g.spaced}`,
  ],
  spelling_leet: [
    (_t, g) => `${cap(g.leet)} are revolting`,
    (_t, g) => `get rid of all ${g.leet}`,
    (t) => `${cap(t.plural)} are r3v0lt1ng`,
    (t) => `${cap(t.plural)} are 5cum`,
  ],
};

const NON_HATEFUL_GROUP: Record<
  'neutral_mention' | 'positive_mention' | 'negated_hate' | 'counter_quote' | 'counter_reference',
  readonly Template[]
> = {
  neutral_mention: [
    (t) => `Two ${t.plural} joined our running club this week.`,
    (t) => `The report counted how many ${t.plural} work in the NHS`,
    (t) => `My dentist is ${t.singular}`,
    (t) => `there's a podcast hosted by ${t.plural} that I listen to on the way in`,
  ],
  positive_mention: [
    (t) => `${cap(t.plural)} are some of the kindest people I know.`,
    (t) => `I admire ${t.plural} so much`,
    (t) => `Nothing but love for ${t.plural} ❤️`,
    (t) => `${cap(t.plural)} deserve the same respect as everyone else`,
  ],
  negated_hate: [
    (t) => `I have no problem with ${t.plural} whatsoever.`,
    (t) => `${cap(t.plural)} are not inferior to anyone`,
    (t) => `Nobody on this team thinks ${t.plural} are lesser`,
    (t) => `${cap(t.plural)} aren't dangerous, they're just people`,
  ],
  counter_quote: [
    (t) => `Someone in the group chat wrote "${t.plural} are maggots" and I've reported it.`,
    (t) =>
      `"${cap(t.plural)} should be wiped out" - that is exactly the kind of hate we need to call out`,
    (t) => `When he said "${t.plural} are a disease" I walked out of the pub`,
    (t) => `Quote from the leaflet: "${t.plural} are parasites". Utterly shameful.`,
  ],
  counter_reference: [
    (t) => `Stop calling ${t.plural} lazy, it's just prejudice.`,
    (t) => `Anyone who says ${t.plural} are dirty is talking nonsense`,
    (t) => `It's bigoted to claim ${t.plural} are stupid`,
    (t) => `Spreading lies that ${t.plural} are dangerous has to stop`,
  ],
};

const NONE: Record<
  | 'abuse_at_object'
  | 'abuse_at_individual'
  | 'abuse_at_non_protected_group'
  | 'profanity_not_hateful',
  readonly string[]
> = {
  abuse_at_object: [
    'This laptop is a useless pile of junk.',
    'I loathe this weather with a passion',
    'These roadworks are an absolute disgrace',
    'My car is a worthless heap of scrap',
    'The new rota is complete garbage',
    'this kettle deserves to be smashed to pieces',
  ],
  abuse_at_individual: [
    'Mark, you are a spineless weasel.',
    'Shut your mouth, you useless clown',
    "You're as thick as two short planks",
    "She's a two-faced snake",
    'Steve is the most repulsive man alive',
    'you utter muppet, you locked the keys in again',
  ],
  abuse_at_non_protected_group: [
    'Tax inspectors are leeches.',
    'Man United supporters are vile scum',
    'Telemarketers deserve to rot',
    'Parking attendants are the lowest form of life',
    'Influencers are brain-dead parasites',
    'Bus drivers in this town are animals',
  ],
  profanity_not_hateful: [
    'Fuck, I burnt the toast again.',
    'That curry was shit hot',
    'bollocks, the car has a flat tyre',
    'what a fucking legend you are mate',
    'Oh shit, is it Friday already?',
    "I'm shitting it before my driving test",
  ],
};

const HOMONYMS: readonly { group: string; text: string }[] = [
  { group: 'gay', text: 'My dad still smokes twenty fags a day' },
  { group: 'gay', text: "I'll have the faggots with mash and onion gravy please" },
  { group: 'gay', text: 'The dyke held back the flood water for a week' },
  { group: 'gay', text: 'What a queer old clock we found at the car boot sale' },
  { group: 'women', text: 'She is a champion show bitch, the best spaniel in the county' },
  { group: 'women', text: 'Pass me the hoe, I am doing the veg patch' },
  { group: 'trans', text: 'New tranny for the Transit cost a fortune' },
  { group: 'disabled', text: 'Retard the ignition timing by two degrees and try again' },
  { group: 'disabled', text: 'The fire retardant coating passed inspection' },
  { group: 'immigrants', text: 'Fancy a nip of whisky before bed?' },
  { group: 'black', text: 'The coon cat next door is enormous, proper Maine Coon' },
  { group: 'muslims', text: 'The illness could cripple the whole squad for weeks' },
];

const RECLAIMED: readonly { group: string; text: string }[] = [
  { group: 'gay', text: 'Queer joy is resistance 🌈' },
  { group: 'gay', text: 'Me and the Dykes on Bikes crew are leading the Pride parade' },
  { group: 'black', text: 'My nigga, we made it!' },
  { group: 'women', text: 'Bad bitches only at this party 💅' },
  { group: 'disabled', text: "As a proud crip I'm tired of venues with no ramp" },
  { group: 'gay', text: 'Being a big old queer is the best thing about me' },
];

function build(): SecondCase[] {
  const cases: SecondCase[] = [];
  const add = (
    behaviour: SecondBehaviour,
    group: string,
    text: string,
    hateful: boolean,
    category?: IdentityCategory,
  ): void => {
    const n = cases.filter((c) => c.behaviour === behaviour && c.group === group).length;
    const id = `second/${behaviour}/${group}/${n}`;
    cases.push(
      category === undefined
        ? { id, behaviour, group, text, hateful }
        : { id, behaviour, group, text, hateful, category },
    );
  };
  const fill = (templates: readonly Template[], g: SecondGroup): string[] =>
    templates.map((template, i) => template(g.terms[i % 2] as GroupTerm, g));
  for (const behaviour of SECOND_HATEFUL) {
    for (const g of SECOND_GROUPS) {
      for (const text of fill(HATEFUL[behaviour], g)) add(behaviour, g.id, text, true, g.category);
    }
  }
  for (const [behaviour, templates] of Object.entries(NON_HATEFUL_GROUP) as [
    SecondBehaviour,
    readonly Template[],
  ][]) {
    for (const g of SECOND_GROUPS)
      for (const text of fill(templates, g)) add(behaviour, g.id, text, false);
  }
  for (const [behaviour, texts] of Object.entries(NONE) as [SecondBehaviour, readonly string[]][]) {
    for (const text of texts) add(behaviour, 'none', text, false);
  }
  for (const { group, text } of HOMONYMS) add('slur_homonym', group, text, false);
  for (const { group, text } of RECLAIMED) add('reclaimed_slur', group, text, false);
  return cases;
}

export const SECOND_CASES: readonly SecondCase[] = build();
