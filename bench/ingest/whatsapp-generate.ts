import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/**
 * Writes a synthetic Android WhatsApp export (en_GB: "dd/mm/yyyy, HH:MM - Name: text") of about
 * `targetBytes`, with what a real group chat holds: bursts of short messages and long gaps,
 * several scripts, emoji with ZWJ sequences, multi-line messages, omitted and attached media,
 * deleted and edited messages, locations and the odd system line. Deterministic (seeded), so
 * every run parses the same bytes.
 */
export async function generateWhatsApp(
  path: string,
  targetBytes: number,
): Promise<{ bytes: number; messages: number }> {
  let seed = 0x5eed_a11d;
  const random = (): number => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const words = [
    'the',
    'meeting',
    'tomorrow',
    'ok',
    'why',
    'never',
    'again',
    'see',
    'you',
    'there',
    'at',
    'lol',
    'what',
    'time',
    'is',
    'it',
    'sure',
    'thanks',
    'no',
    'yes',
    'maybe',
    'later',
    'call',
    'me',
    'café',
    'naïve',
    'Grüße',
    'cafe\u0301',
    'привет',
    'как',
    'дела',
    'مرحبا',
    'شكرا',
    'שלום',
    '日本語',
    'ありがとう',
    '好的',
    'जी',
    'ok:',
    'https://example.org/x?y=1',
    '👍',
    '😂',
    '🙏🏽',
    '👩‍👩‍👧',
    '🏳️‍🌈',
    '❤️',
  ];
  const people = [
    'Priya Shah',
    "Tom O'Brien",
    'Zoë 🦊',
    'Дмитрий',
    'محمد علي',
    '李伟',
    '+44 7700 900123',
    'Ana Lima',
    'Work: Sam',
    'Jo',
    'Kwame Mensah',
    'Lucía',
  ];
  const sentence = (n: number): string => Array.from({ length: n }, () => pick(words)).join(' ');
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

  const out = createWriteStream(path);
  let bytes = 0;
  let messages = 0;
  let buffer = '';
  let t = Date.UTC(2016, 0, 14, 9, 0, 0);
  const flush = async (): Promise<void> => {
    bytes += Buffer.byteLength(buffer);
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  while (bytes + buffer.length < targetBytes) {
    const r = random();
    // A busy group: mostly seconds apart, now and then minutes, rarely hours (about 1,700 a day).
    t +=
      r < 0.96
        ? between(1, 30) * 1000
        : r < 0.9995
          ? between(1, 20) * 60_000
          : between(2, 8) * 3_600_000;
    const d = new Date(t);
    const stamp = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} - `;
    const who = pick(people);
    const k = random();
    let body: string;
    if (k < 0.002) body = `${who} added ${pick(people)}`;
    else if (k < 0.03) body = `${who}: <Media omitted>`;
    else if (k < 0.04) body = `${who}: This message was deleted`;
    else if (k < 0.045)
      body = `${who}: IMG-${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-WA${String(messages % 10000).padStart(4, '0')}.jpg (file attached)`;
    else if (k < 0.048) body = `${who}: location: https://maps.google.com/?q=51.5007,-0.1246`;
    else if (k < 0.06) body = `${who}: ${sentence(between(2, 12))} <This message was edited>`;
    else if (k < 0.11) {
      const lines = between(2, 4);
      body = `${who}: ${Array.from({ length: lines }, () => sentence(between(1, 10))).join('\n')}`;
    } else body = `${who}: ${sentence(between(1, k < 0.8 ? 9 : 30))}`;
    buffer += `${stamp}${body}\n`;
    messages += 1;
    if (buffer.length > 1 << 16) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { bytes, messages };
}
