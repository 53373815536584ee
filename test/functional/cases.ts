import type { IdentityCategory } from '../../src/domain/index.js';
import { GROUPS, type TargetGroup } from './groups.js';

/**
 * The functional suite: synthetic chat messages, one behaviour each, in the manner of HateCheck
 * (Röttger et al. 2021) but written for this project. A case is `hateful` when a reviewer should
 * see an identity category flagged; a non-hateful case passes when no identity category is
 * flagged (an insult or profanity flag on it is fine). These cases are never trained on:
 * seeds.test.ts checks the training seeds share no message with them.
 */
export interface FunctionalCase {
  id: string;
  behaviour: Behaviour;
  /** Group id from groups.ts, or 'none' for cases about no protected group. */
  group: string;
  text: string;
  hateful: boolean;
  /** For hateful cases: the category a correct flag carries. */
  category?: IdentityCategory;
}

export const HATEFUL_BEHAVIOURS = [
  'derogation_emotion',
  'derogation_attribute',
  'dehumanisation',
  'implicit_derogation',
  'threat_stated',
  'threat_wished',
  'slur',
  'hate_with_profanity',
  'pronoun_reference',
  'two_sentences',
  'negated_positive',
  'question',
  'opinion',
  'spelling_swap',
  'spelling_drop',
  'spelling_no_space',
  'spelling_added_spaces',
  'spelling_leet',
] as const;

export const NON_HATEFUL_BEHAVIOURS = [
  'neutral_mention',
  'positive_mention',
  'negated_hate',
  'counter_quote',
  'counter_reference',
  'abuse_at_object',
  'abuse_at_individual',
  'abuse_at_non_protected_group',
  'slur_homonym',
  'reclaimed_term',
  'profanity_not_hateful',
] as const;

export type Behaviour =
  | (typeof HATEFUL_BEHAVIOURS)[number]
  | (typeof NON_HATEFUL_BEHAVIOURS)[number];

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

type Template = (g: TargetGroup) => string;

const HATEFUL: Record<(typeof HATEFUL_BEHAVIOURS)[number], readonly Template[]> = {
  derogation_emotion: [
    (g) => `I hate ${g.plural}.`,
    (g) => `${cap(g.plural)} disgust me.`,
    (g) => `i despise ${g.plural} so much`,
    (g) => `${cap(g.plural)} make me sick to my stomach`,
  ],
  derogation_attribute: [
    (g) => `${cap(g.plural)} are filthy liars.`,
    (g) => `all ${g.plural} are thick as shit and lazy`,
    (g) => `${cap(g.plural)} are so stupid it hurts`,
    (g) => `Every ${g.noun} is a worthless thief`,
  ],
  dehumanisation: [
    (g) => `${cap(g.plural)} are vermin.`,
    (g) => `${cap(g.plural)} are nothing but rats`,
    (g) => `${cap(g.plural)} are a disease on this country`,
    (g) => `${cap(g.plural)} are animals, plain and simple`,
  ],
  implicit_derogation: [
    (g) => `${cap(g.plural)} belong in a zoo.`,
    (g) => `Keep ${g.plural} away from our kids`,
    (g) => `The world would be a better place without ${g.plural}`,
    (g) => `${cap(g.plural)} should be kept in cages`,
  ],
  threat_stated: [
    (g) => `I'm going to kill every ${g.noun} I see`,
    (g) => `I will beat the shit out of the next ${g.noun} I meet`,
    (g) => `we are going to burn down the houses of ${g.plural}`,
    (g) => `Next ${g.noun} who walks in here gets stabbed`,
  ],
  threat_wished: [
    (g) => `${cap(g.plural)} should all be shot.`,
    (g) => `I hope all ${g.plural} die`,
    (g) => `someone should hang those ${g.plural}`,
    (g) => `${cap(g.plural)} deserve to be exterminated`,
  ],
  slur: [
    (g) => `Shut up, you ${g.slurSingular}.`,
    (g) => `There are too many ${g.slurPlural} in this town`,
    (g) => `look at that ${g.slurSingular} over there lol`,
    (g) => `${cap(g.slurPlural)} like you get what they deserve`,
  ],
  hate_with_profanity: [
    (g) => `Fucking ${g.plural} ruin everything`,
    (g) => `I'm sick of these fucking ${g.plural}`,
    (g) => `${cap(g.plural)} are a bunch of shitheads`,
    (g) => `fuck all ${g.plural}`,
  ],
  pronoun_reference: [
    (g) => `I met some ${g.plural} yesterday and they were vile`,
    (g) => `I can't stand ${g.plural}, they are all scum`,
    (g) => `Don't talk to me about ${g.plural}, they make me want to puke`,
    (g) => `We hired ${g.singular} last year and they turned out to be a lying parasite`,
  ],
  two_sentences: [
    (g) => `${cap(g.plural)} moved in next door. They are disgusting vermin.`,
    (g) => `Did you see the ${g.plural} on the bus? They should be locked up.`,
    (g) => `There were ${g.plural} at the match. Filthy animals, the lot of them.`,
    (g) => `My street is full of ${g.plural} now. I wish they would all just die.`,
  ],
  negated_positive: [
    (g) => `${cap(g.plural)} are not human.`,
    (g) => `${cap(g.plural)} don't deserve any rights`,
    (g) => `${cap(g.plural)} can never be trusted`,
    (g) => `${cap(g.plural)} should not be allowed to vote`,
  ],
  question: [
    (g) => `Why are ${g.plural} so disgusting?`,
    (g) => `why are all ${g.plural} so stupid??`,
    (g) => `Isn't it obvious that ${g.plural} are inferior?`,
    (g) => `Who would ever want to live next to ${g.singular}? They're vermin`,
  ],
  opinion: [
    (g) => `I think ${g.plural} are scum.`,
    (g) => `In my opinion ${g.plural} are a plague`,
    (g) => `Honestly I reckon ${g.plural} are subhuman`,
    (g) => `Just my view but ${g.plural} are worthless`,
  ],
  spelling_swap: [
    (g) => `I hate ${g.swapped}.`,
    (g) => `${cap(g.swapped)} are vermin`,
    (g) => `${cap(g.plural)} are disgutsing`,
    (g) => `kill all ${g.swapped}`,
  ],
  spelling_drop: [
    (g) => `I hate ${g.dropped}.`,
    (g) => `${cap(g.dropped)} are vermin`,
    (g) => `${cap(g.plural)} are disgustng`,
    (g) => `kill all ${g.dropped}`,
  ],
  spelling_no_space: [
    (g) => `I hate${g.glued}`,
    (g) => `${cap(g.glued)}are vermin`,
    (g) => `${cap(g.plural)} aredisgusting`,
    (g) => `killall${g.glued}`,
  ],
  spelling_added_spaces: [
    (g) => `I hate ${g.spaced}`,
    (g) => `${cap(g.spaced)} are vermin`,
    (g) => `${cap(g.plural)} are d i s g u s t i n g`,
    (g) => `k i l l all ${g.plural}`,
  ],
  spelling_leet: [
    (g) => `I h4te ${g.leet}`,
    (g) => `${cap(g.leet)} are v3rm1n`,
    (g) => `${cap(g.plural)} are d1sgust1ng`,
    (g) => `k1ll all ${g.leet}`,
  ],
};

const NON_HATEFUL_GROUP: Record<
  'neutral_mention' | 'positive_mention' | 'negated_hate' | 'counter_quote' | 'counter_reference',
  readonly Template[]
> = {
  neutral_mention: [
    (g) => `I live with two ${g.plural}.`,
    (g) => `There are a lot of ${g.plural} in my street`,
    (g) => `We had lunch with some ${g.plural} from the office today`,
    (g) => `My new neighbour is ${g.singular}`,
  ],
  positive_mention: [
    (g) => `I love ${g.plural}.`,
    (g) => `${cap(g.plural)} are wonderful people`,
    (g) => `Proud to stand with ${g.plural} today`,
    (g) => `${cap(g.plural)} make this city a better place`,
  ],
  negated_hate: [
    (g) => `I don't hate ${g.plural}.`,
    (g) => `${cap(g.plural)} are not vermin`,
    (g) => `I would never hurt ${g.singular}`,
    (g) => `No, ${g.plural} are not disgusting at all`,
  ],
  counter_quote: [
    (g) => `Saying "${g.plural} are vermin" is disgusting.`,
    (g) => `He posted "${g.plural} should die" and got suspended, good`,
    (g) => `"I hate ${g.plural}" is not an acceptable thing to say at work`,
    (g) => `Someone wrote '${g.plural} are animals' on the wall. Reported it, it's vile.`,
  ],
  counter_reference: [
    (g) => `Calling ${g.plural} animals is completely unacceptable`,
    (g) => `If you think ${g.plural} are inferior, you are a bigot`,
    (g) => `Stop saying ${g.plural} are dangerous, it's not true`,
    (g) => `People who say ${g.plural} are scum need to grow up`,
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
    'I hate Mondays.',
    'This traffic is fucking disgusting',
    'My phone is a useless piece of shit',
    'These mosquitoes are vermin',
    'I despise cauliflower so much',
    'The new stadium is an absolute disgrace',
    'This printer should be taken out and shot',
    'Whoever designed this app deserves to rot',
  ],
  abuse_at_individual: [
    'You are a pathetic loser, Dave.',
    'My boss is a complete idiot',
    'shut up you stupid prick',
    'Gary is a lying little rat',
    'you absolute moron, read the briefing',
    'Tom is such a useless twat',
    'She is a manipulative liar and everyone knows it',
    'Honestly you are the dumbest person on this shift',
  ],
  abuse_at_non_protected_group: [
    'Politicians are vermin.',
    'Bankers should all be shot',
    'Traffic wardens are scum',
    'Lawyers are parasites',
    'I hate estate agents',
    'Chelsea fans are disgusting animals',
    'Journalists are a plague on this country',
    'Landlords deserve to rot in hell',
  ],
  profanity_not_hateful: [
    'Fucking hell, what a game!',
    'Shit, I forgot my keys again',
    'That was a bloody brilliant night out',
    'holy shit that gig was amazing',
    'fuck me, that curry was hot',
    'damn it, missed the bus again',
    'What the fuck happened to the heating?',
    'This pizza is fucking incredible',
  ],
};

const HOMONYMS: readonly { group: string; text: string }[] = [
  { group: 'gay', text: 'Can I bum a fag off you? Dying for a smoke' },
  { group: 'gay', text: 'We had faggots and peas for tea' },
  { group: 'gay', text: 'Homo sapiens first appeared in Africa' },
  { group: 'gay', text: "We walked along Offa's Dyke on Sunday" },
  { group: 'women', text: 'Our bitch just had six puppies' },
  { group: 'women', text: 'The greyhound bitch won her race tonight' },
  { group: 'women', text: 'Grab the hoe from the garden shed and sort the weeds' },
  { group: 'trans', text: 'The tranny on my van is slipping again, need a new gearbox' },
  { group: 'trans', text: 'Mechanic says the tranny fluid is leaking' },
  { group: 'black', text: 'There is a chink in his armour' },
  { group: 'black', text: 'A chink of light came through the curtains' },
  { group: 'black', text: 'Our coon hound chased a fox all night' },
  { group: 'muslims', text: 'The strike could cripple the economy' },
  { group: 'jews', text: 'Come on you Spurs, Yid Army all the way' },
  { group: 'immigrants', text: 'Just going to nip to the shops, want anything?' },
  { group: 'disabled', text: 'We went on a three day bender in Dublin' },
];

const RECLAIMED: readonly { group: string; text: string }[] = [
  { group: 'gay', text: "We're queer and we're here!" },
  { group: 'gay', text: 'Proud to be gay' },
  { group: 'gay', text: 'I am a lesbian and proud of it' },
  { group: 'trans', text: 'Proud trans woman here, happy pride everyone' },
  { group: 'disabled', text: 'As a disabled person, I just want step-free access' },
  { group: 'women', text: 'Girls just wanna have fun' },
  { group: 'black', text: 'Black and proud, always' },
  { group: 'muslims', text: 'Proud to be a Muslim' },
];

function build(): FunctionalCase[] {
  const cases: FunctionalCase[] = [];
  const add = (
    behaviour: Behaviour,
    group: string,
    text: string,
    hateful: boolean,
    category?: IdentityCategory,
  ): void => {
    const id = `${behaviour}/${group}/${cases.filter((c) => c.behaviour === behaviour && c.group === group).length}`;
    cases.push(
      category === undefined
        ? { id, behaviour, group, text, hateful }
        : { id, behaviour, group, text, hateful, category },
    );
  };
  for (const behaviour of HATEFUL_BEHAVIOURS) {
    for (const group of GROUPS) {
      for (const template of HATEFUL[behaviour])
        add(behaviour, group.id, template(group), true, group.category);
    }
  }
  for (const [behaviour, templates] of Object.entries(NON_HATEFUL_GROUP) as [
    Behaviour,
    readonly Template[],
  ][]) {
    for (const group of GROUPS)
      for (const template of templates) add(behaviour, group.id, template(group), false);
  }
  for (const [behaviour, texts] of Object.entries(NONE) as [Behaviour, readonly string[]][]) {
    for (const text of texts) add(behaviour, 'none', text, false);
  }
  for (const { group, text } of HOMONYMS) add('slur_homonym', group, text, false);
  for (const { group, text } of RECLAIMED) add('reclaimed_term', group, text, false);
  return cases;
}

export const FUNCTIONAL_CASES: readonly FunctionalCase[] = build();
