import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/**
 * Writes a synthetic Telegram Desktop single-chat export of about `targetBytes`, laid out the way
 * Telegram Desktop writes it (one-space indentation, `text` plus `text_entities`), with the mix
 * an investigation meets: plain and formatted text in several scripts, emoji with ZWJ, replies,
 * edits, service lines, photos and files, and now and then a raw control character.
 * Deterministic (seeded), so every run parses the same bytes.
 */
export async function generateTelegram(
  path: string,
  targetBytes: number,
): Promise<{ bytes: number; messages: number }> {
  let seed = 0x2f6b_1d3c;
  const random = (): number => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words = [
    'the',
    'report',
    'meeting',
    'tomorrow',
    'café',
    'naïve',
    'Grüße',
    'привет',
    'שלום\u200f',
    'مرحبا',
    '日本語',
    'cafe\u0301',
    '👍',
    '👩‍👩‍👧',
    'ok',
    'why',
    'never',
    'again',
    'quote "this"',
    'back\\slash',
  ];
  const people = [
    ['Dana Kowalski', 'user5550101'],
    ['Omar Haddad', 'user5550202'],
    ['Léna Brandt', 'user5550303'],
    ['Batman & Robin', 'user6565661032'],
  ] as const;
  const sentence = (): string =>
    Array.from({ length: 4 + Math.floor(random() * 24) }, () => pick(words)).join(' ');
  const json = (value: string): string => JSON.stringify(value);

  const out = createWriteStream(path);
  let bytes = 0;
  let id = 0;
  let epoch = 1_600_000_000;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '{\n "name": "Benchmark chat 📈",\n "type": "private_supergroup",\n "id": 1834567890,\n "messages": [\n',
  );
  while (bytes < targetBytes) {
    id++;
    epoch += 1 + Math.floor(random() * 90);
    const date = new Date(epoch * 1000).toISOString().slice(0, 19);
    const [name, fromId] = pick(people);
    const roll = random();
    const head = `  {\n   "id": ${id},\n   "type": "${roll < 0.02 ? 'service' : 'message'}",\n   "date": "${date}",\n   "date_unixtime": "${epoch}",\n`;
    let body: string;
    if (roll < 0.02) {
      body = `   "actor": ${json(name)},\n   "actor_id": "${fromId}",\n   "action": "invite_members",\n   "members": [\n    ${json(pick(people)[0])}\n   ],\n   "text": "",\n   "text_entities": []\n`;
    } else {
      let text = sentence();
      // One message in 50,000 carries a raw control character, as some real exports do.
      if (random() < 0.00002) text += '\u0001';
      const extras: string[] = [];
      if (random() < 0.05 && id > 1)
        extras.push(
          `   "reply_to_message_id": ${id - 1 - Math.floor(random() * Math.min(id - 1, 50))},\n`,
        );
      if (random() < 0.03)
        extras.push(`   "edited": "${date}",\n   "edited_unixtime": "${epoch + 30}",\n`);
      if (random() < 0.03)
        extras.push(
          `   "photo": "photos/photo_${id}@${date}.jpg",\n   "width": 1280,\n   "height": 960,\n`,
        );
      const raw = JSON.stringify(text).replace('\\u0001', '\u0001');
      let textField: string;
      if (random() < 0.1) {
        const cut = Math.floor(text.length / 2);
        const a = json(text.slice(0, cut));
        const b = json(text.slice(cut));
        textField = `   "text": [\n    ${a},\n    {\n     "type": "bold",\n     "text": ${b}\n    }\n   ],\n   "text_entities": [\n    {\n     "type": "plain",\n     "text": ${a}\n    },\n    {\n     "type": "bold",\n     "text": ${b}\n    }\n   ]\n`;
      } else {
        textField = `   "text": ${raw},\n   "text_entities": [\n    {\n     "type": "plain",\n     "text": ${raw}\n    }\n   ]\n`;
      }
      body = `   "from": ${json(name)},\n   "from_id": "${fromId}",\n${extras.join('')}${textField}`;
    }
    await write(`${head}${body}  },\n`);
  }
  id++;
  await write(
    `  {\n   "id": ${id},\n   "type": "message",\n   "date_unixtime": "${epoch + 1}",\n   "from": "Dana Kowalski",\n   "from_id": "user5550101",\n   "text": "the end"\n  }\n ]\n}\n`,
  );
  out.end();
  await once(out, 'finish');
  return { bytes, messages: id };
}
