/**
 * Realistic short chat messages for the screening benchmark: mostly everyday talk, some insults
 * and profanity, emoji, varied lengths (a few words to a paragraph), from a fixed seed so every
 * run measures the same messages.
 */
const EVERYDAY = (
  'hey hi ok okay yes no maybe lol haha thanks thank you please sorry see you later tomorrow ' +
  'today tonight now soon where are you coming going home work meeting lunch dinner coffee ' +
  'call me text back sent the file did you get it running late traffic train bus on my way ' +
  'what time is it good morning night weekend plans sounds great love that idea not sure ' +
  'let me check i think we should probably wait for them the kids school match game score ' +
  'happy birthday congrats well done nice one miss you too can you pick up milk bread eggs'
).split(' ');
const ABUSIVE = (
  'idiot moron stupid dumb loser shut up fuck fucking shit bullshit bitch bastard asshole ' +
  'crap damn hate you kill yourself ugly pathetic trash scum wanker twat'
).split(' ');
const EMOJI = ['😂', '👍', '🙂', '❤️', '🔥', '🙄', '😡', '👩‍👩‍👧', '🤦‍♂️', '🎉', '😭', '🤬'];
const PUNCTUATION = ['', '', '', '!', '?', '.', '...', '!!', ',', ' :)'];

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchMessages(count: number, seed = 20240331): string[] {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const messages: string[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly short (1-12 words), sometimes a longer paragraph (up to 60).
    const long = random() < 0.05;
    const words = long ? 20 + Math.floor(random() * 40) : 1 + Math.floor(random() * 12);
    const abusive = random() < 0.12;
    const parts: string[] = [];
    for (let w = 0; w < words; w++) {
      let word = abusive && random() < 0.3 ? pick(ABUSIVE) : pick(EVERYDAY);
      if (w === 0 && random() < 0.4) word = word.charAt(0).toUpperCase() + word.slice(1);
      if (random() < 0.02) word = word.toUpperCase();
      parts.push(word);
      if (random() < 0.06) parts.push(pick(EMOJI));
    }
    messages.push(parts.join(' ') + pick(PUNCTUATION));
  }
  return messages;
}
