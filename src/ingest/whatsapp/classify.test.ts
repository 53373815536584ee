import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageKind } from '../../domain/index.js';
import {
  type BodyInput,
  classifyBody,
  firstKeyChar,
  isRegExpSpace,
  MAY_BE_CALL,
  MAY_BE_EXACT,
  MAY_BE_NOTICE,
  tablesThatMayStart,
} from './classify.js';
import { markerKey } from './marker-key.js';
import { CALLS, EXACT_KEYS, SYSTEM_PREFIXES } from './markers.js';

const LRM = '\u200E';
const RLM = '\u200F';

const ios = (first: string, tail = '', markedLine = false): BodyInput => ({
  first,
  tail,
  hasSender: true,
  markedLine,
  style: 'bracket',
});
const android = (first: string, tail = ''): BodyInput => ({
  first,
  tail,
  hasSender: true,
  markedLine: false,
  style: 'dash',
});

type Row = [
  string,
  BodyInput,
  {
    kind: MessageKind;
    text: string;
    attachment?: [string, string | null];
    edited?: boolean;
    dropSender?: boolean;
    unknownMarker?: boolean;
  },
];

const ROWS: Row[] = [
  [
    'plain text is kept exactly',
    android('  spaced\u200E text '),
    { kind: 'message', text: '  spaced\u200E text ' },
  ],
  [
    'multi-line text keeps its line breaks',
    ios('one', '\r\ntwo\nthree'),
    { kind: 'message', text: 'one\r\ntwo\nthree' },
  ],
  [
    'a system line without sender',
    { ...android('Ana added Ben'), hasSender: false },
    { kind: 'system', text: 'Ana added Ben' },
  ],
  [
    'Android media omitted, with caption',
    android('<Media omitted>', '\ncaption'),
    { kind: 'media', text: 'caption', attachment: ['other', null] },
  ],
  [
    'Android media omitted, Russian',
    android('<Без медиафайлов>'),
    { kind: 'media', text: '', attachment: ['other', null] },
  ],
  [
    'Android file attached',
    android('IMG-20220323-WA0002.jpg (file attached)', '\nTitle'),
    { kind: 'media', text: 'Title', attachment: ['image', 'IMG-20220323-WA0002.jpg'] },
  ],
  [
    'Android contact card attached',
    android(`${LRM}Alex.vcf (soubor byl přiložen)`),
    { kind: 'contact', text: '', attachment: ['contact', 'Alex.vcf'] },
  ],
  [
    'Android view-once placeholder',
    android('null'),
    { kind: 'media', text: '', attachment: ['other', null] },
  ],
  ['"null" on iOS is text', ios('null'), { kind: 'message', text: 'null' }],
  ['Android deleted', android('This message was deleted'), { kind: 'deleted', text: '' }],
  [
    'Android deleted, Czech',
    android('Tuto zprávu jste odstranil/a.'),
    { kind: 'deleted', text: '' },
  ],
  ['Android missed call', android('Missed voice call'), { kind: 'call', text: '' }],
  [
    '"Video call" typed on Android is text',
    android('Video call'),
    { kind: 'message', text: 'Video call' },
  ],
  [
    'Android edit notice',
    android('Can we move it? <This message was edited>'),
    { kind: 'message', text: 'Can we move it?', edited: true },
  ],
  [
    'edit notice on the last line',
    android('a', '\nb <This message was edited>'),
    { kind: 'message', text: 'a\nb', edited: true },
  ],
  [
    "a sender's own <angle> text stays",
    android('see <b>this</b>'),
    { kind: 'message', text: 'see <b>this</b>' },
  ],
  [
    'Android location',
    android('location: https://maps.google.com/?q=51.5,-0.12'),
    {
      kind: 'location',
      text: 'location: https://maps.google.com/?q=51.5,-0.12',
      attachment: ['location', null],
    },
  ],
  [
    'Android venue on three lines',
    android(
      'Pimlico Gardens',
      '\nLondon, United Kingdom\nhttps://foursquare.com/v/4e89af95e5fa82ad4c0aa03b',
    ),
    {
      kind: 'location',
      text: 'Pimlico Gardens\nLondon, United Kingdom\nhttps://foursquare.com/v/4e89af95e5fa82ad4c0aa03b',
      attachment: ['location', null],
    },
  ],
  [
    'Android poll',
    android('POLL:', '\nLunch?\nOPTION: Pizza (2 votes)'),
    { kind: 'poll', text: 'POLL:\nLunch?\nOPTION: Pizza (2 votes)' },
  ],
  [
    'a poll in an unknown locale, by its shape',
    android('ABSTIMMUNG:', '\nWo?\nOPTION: Hier (1 Stimme)'),
    { kind: 'poll', text: 'ABSTIMMUNG:\nWo?\nOPTION: Hier (1 Stimme)' },
  ],
  [
    'iOS image omitted',
    ios(`${LRM}image omitted`, '', true),
    { kind: 'media', text: '', attachment: ['image', null] },
  ],
  [
    'iOS Hindi omitted (U+095C in the export)',
    ios(`${LRM}वीडियो छो\u095Cा गया`, '', true),
    { kind: 'media', text: '', attachment: ['video', null] },
  ],
  [
    'iOS contact card omitted',
    ios(`${LRM}Contact card omitted`, '', true),
    { kind: 'contact', text: '', attachment: ['contact', null] },
  ],
  [
    'iOS document omitted, with its title',
    ios(`Resume.pdf • ${LRM}2 pages ${LRM}document omitted`, '', true),
    { kind: 'media', text: '', attachment: ['document', 'Resume.pdf'] },
  ],
  [
    'iOS document omitted, no marks',
    ios('Some file.txt document omitted'),
    { kind: 'media', text: '', attachment: ['document', 'Some file.txt'] },
  ],
  [
    'iOS attached',
    ios(`${LRM}<attached: 00000051-GIF-2022-03-27-21-51-57.mp4>`, '', true),
    { kind: 'media', text: '', attachment: ['gif', '00000051-GIF-2022-03-27-21-51-57.mp4'] },
  ],
  ['iOS deleted (Arabic)', ios(`${RLM}تم حذف هذه الرسالة.`), { kind: 'deleted', text: '' }],
  [
    'iOS location (Japanese label)',
    ios(`${LRM}位置情報: https://maps.google.com/?q=51.5,-0.12`),
    {
      kind: 'location',
      text: '位置情報: https://maps.google.com/?q=51.5,-0.12',
      attachment: ['location', null],
    },
  ],
  [
    'iOS venue',
    ios('Pimlico Gardens (London, United Kingdom): https://foursquare.com/v/4e89af95'),
    {
      kind: 'location',
      text: 'Pimlico Gardens (London, United Kingdom): https://foursquare.com/v/4e89af95',
      attachment: ['location', null],
    },
  ],
  [
    'iOS call with tap hint',
    ios(`${LRM}Missed video call, ${LRM}Tap to call back`),
    { kind: 'call', text: '' },
  ],
  [
    'iOS notice attributed to the chat',
    ios(`${LRM}${LRM}Your security code with Elon changed. ${LRM}Tap to learn more.`),
    {
      kind: 'system',
      text: `Your security code with Elon changed. ${LRM}Tap to learn more.`,
      dropSender: true,
    },
  ],
  [
    'iOS notice without marks (known text)',
    ios('Messages and calls are end-to-end encrypted. No one outside of this chat'),
    {
      kind: 'system',
      text: 'Messages and calls are end-to-end encrypted. No one outside of this chat',
      dropSender: true,
    },
  ],
  [
    'iOS notice in an unknown locale, by its mark',
    ios(`${LRM}Ana a créé le groupe`),
    { kind: 'system', text: 'Ana a créé le groupe', dropSender: true },
  ],
  [
    'iOS media in an unknown locale, by its marks',
    ios(`${LRM}immagine non scaricata`, '', true),
    { kind: 'media', text: '', attachment: ['other', null], unknownMarker: true },
  ],
  [
    'Android end-to-end notice attributed to the group',
    android(
      'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
    ),
    {
      kind: 'system',
      text: 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
      dropSender: true,
    },
  ],
  [
    'the marker mentioned in a sentence is text',
    android('I said image omitted yesterday'),
    { kind: 'message', text: 'I said image omitted yesterday' },
  ],
];

describe('classifyBody', () => {
  it.each(ROWS)('%s', (_name, input, e) => {
    const c = classifyBody(input, (name) => `media/${name}`);
    expect(c.kind).toBe(e.kind);
    expect(c.text).toBe(e.text);
    expect(c.edited).toBe(e.edited ?? false);
    expect(c.dropSender).toBe(e.dropSender ?? false);
    expect(c.unknownMarker).toBe(e.unknownMarker ?? false);
    if (e.attachment === undefined) {
      expect(c.attachments).toEqual([]);
    } else {
      const [type, fileName] = e.attachment;
      const linked =
        fileName !== null &&
        (/^\d{8}-/.test(fileName) || /-WA\d+/.test(fileName) || fileName.endsWith('.vcf'));
      expect(c.attachments).toEqual([
        { type, fileName, pathInExport: linked ? `media/${fileName}` : null },
      ]);
    }
  });
});

describe('the white space test behind the location shortcut', () => {
  it('agrees with \\s on every BMP character', () => {
    for (let c = 0; c <= 0xffff; c += 1) {
      expect(isRegExpSpace(c)).toBe(/\s/u.test(String.fromCharCode(c)));
    }
  });
});

/**
 * The start filters as they were before they became tables and a cache: sets of each table's
 * keys' first two characters (compared when both of the text's are below U+00C0) and first
 * characters (compared with the text's first character in NFD).
 */
function referenceKeyChar(s: string): string {
  return s.charCodeAt(0) < 0xc0 ? s.charAt(0) : markerKey(s.slice(0, 2)).charAt(0);
}

const REFERENCE_TABLES = (
  [
    [MAY_BE_EXACT, EXACT_KEYS],
    [MAY_BE_CALL, CALLS],
    [MAY_BE_NOTICE, SYSTEM_PREFIXES],
  ] as const
).map(([bit, keys]) => ({
  bit,
  pairs: new Set(keys.map((k) => k.slice(0, 2))),
  firsts: new Set(keys.map((k) => k.charAt(0))),
}));

function referenceStarts(s: string): number {
  const byPair = s.charCodeAt(0) < 0xc0 && s.charCodeAt(1) < 0xc0;
  const key = referenceKeyChar(s);
  let starts = 0;
  for (const t of REFERENCE_TABLES) {
    if (byPair ? t.pairs.has(s.slice(0, 2)) : t.firsts.has(key)) starts |= t.bit;
  }
  return starts;
}

/** The texts among `texts` where the filters and the reference disagree. */
function disagreements(texts: Iterable<string>): string[] {
  const found: string[] = [];
  for (const s of texts) {
    if (tablesThatMayStart(s) !== referenceStarts(s) || firstKeyChar(s) !== referenceKeyChar(s)) {
      found.push(s);
    }
  }
  return found;
}

const KEYS = [...EXACT_KEYS, ...CALLS, ...SYSTEM_PREFIXES];
/** Pieces that test NFD: combining marks (reordered by class), a nukta, decomposable letters, a
 * CJK compatibility ideograph (BMP and beyond), an emoji, lone surrogates and WhatsApp's marks. */
const TRICKY = [
  '\u0301',
  '\u0323',
  '\u093C',
  '\u095C',
  'É',
  'Ё',
  'П',
  'ا',
  'メ',
  '\uF900',
  '\u{2F800}',
  '😂',
  '\uD83D',
  '\uDE02',
  '\u200E',
  ' ',
];
const fragment = fc.oneof(
  fc
    .tuple(fc.constantFrom(...KEYS), fc.nat({ max: 12 }), fc.boolean())
    .map(([k, n, composed]) => (composed ? k.normalize('NFC') : k).slice(0, n)),
  fc.constantFrom(...TRICKY),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const startOfText = fc.array(fragment, { maxLength: 3 }).map((parts) => parts.join(''));

describe('the start filters (first two characters, first key character)', () => {
  it('agree with the tables on texts built from their keys and awkward characters', () => {
    fc.assert(
      fc.property(startOfText, (s) => {
        expect(disagreements([s])).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });

  it('agree with the tables for every first code unit, whatever the cache held before', () => {
    // Each pair of continuations in a row falls into the same cache slot (their second code units
    // differ by 0x1000, or are none and U+0FFF), and some give another first key character:
    // U+D87E U+DC00 is U+2F800, whose NFD is U+4E3D; U+0323 goes before a U+0301 it follows.
    const continuations = ['', '\u0FFF', 'a', '\u1061', '\uDC00', '\uEC00', '\u0323', '\u1323'];
    function* texts(): Generator<string> {
      for (let c = 0; c <= 0xffff; c += 1) {
        for (const next of continuations) yield String.fromCharCode(c) + next;
      }
    }
    expect(disagreements(texts())).toEqual([]);
  });
});

describe('classifyBody remembers only what it may', () => {
  const body = fc.record({
    first: fc
      .tuple(
        fc.constantFrom('', '\u200E', '\u200F\u200E'),
        startOfText,
        fc.constantFrom('', '.', ' <This message was edited>', ' <Media omitted>', ')', '>'),
      )
      .map((parts) => parts.join('')),
    tail: fc.constantFrom('', '\nmore', '\nOPTION: A (1 vote)', '\nx <Nachricht bearbeitet>'),
    hasSender: fc.boolean(),
    markedLine: fc.boolean(),
    style: fc.constantFrom<BodyInput['style']>('dash', 'bracket'),
  });

  it('gives the same result again after other texts were classified', () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 20 }), (inputs) => {
        const link = (name: string): string => `media/${name}`;
        const once = inputs.map((i) => classifyBody(i, link));
        const again = [...inputs].reverse().map((i) => classifyBody(i, link));
        expect(again.reverse()).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });
});
