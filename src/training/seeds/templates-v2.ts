/**
 * Seed templates added for span-ngram-2, same markup as templates.ts. They widen the behaviours
 * version 1 got wrong most often (negated hate, implicit derogation, stated threats, emotional
 * derogation, counter-speech) with sentence shapes and words of their own: neither functional
 * set's sentences (test/functional, test/functional/second) were copied or paraphrased, and a
 * test checks that no seed message is a functional case.
 *
 * Counter-speech seeds must carry a condemnation cue (analyse.ts COUNTER_CUES): without one the
 * quoted or reported insult is read plainly and the seed teaches that "vermin" is harmless.
 *
 * Content warning: these are examples of abuse, written to teach a detector what abuse is.
 */

export const HATEFUL_TEMPLATES_V2: Readonly<Record<string, readonly string[]>> = {
  emotion: [
    'i [[detest]] {G}',
    'i [[cant bear]] {G}',
    'nothing but [[contempt]] for {G}',
    '{G^} fill me with [[rage]]',
    'i [[abhor]] every {n} i meet',
    'god i [[hate]] {G} so much',
  ],
  implicit: [
    'the area went [[downhill]] when {G} arrived',
    'dont let {G} [[anywhere near]] a school',
    'we were fine [[until]] {G} [[showed up]]',
    '{G^} should [[stay in their own part of town]]',
    "i'd [[move house]] if {g} moved in next door",
    'no wonder crime is up, [[look how many]] {G} live here',
  ],
  threat_stated: [
    'i will find {g} and [[make them bleed|threat]]',
    "i'm [[bringing a knife|threat]] for the {G} on friday",
    "next time i see {g} i'm going to [[kick their head in|threat]]",
    "i'll [[knife|threat]] any {n} who looks at me",
    'watch what [[happens to|threat]] the {G} in this town tonight',
    'we are going to [[firebomb|threat]] that {n} place',
  ],
};

export const NON_HATEFUL_TEMPLATES_V2: Readonly<Record<string, readonly string[]>> = {
  negated_hate: [
    'nobody should call {G} scroungers',
    "{G^} aren't thieves, stop spreading that",
    "i don't think {G} are filthy at all",
    '{G^} were never the problem here',
    'never once thought {G} were stupid',
    "honestly {G} aren't scum, the people abusing them are",
    '{G^} are not animals and never were',
    'i will never treat {G} as second class',
  ],
  counter_reference: [
    'posting that {G} are savages got him banned, rightly',
    'the sergeant disciplined him for calling {G} vermin',
    'whoever keeps saying {G} are dirty needs a word from HR',
    'calling {G} parasites is unacceptable in this team',
  ],
};
