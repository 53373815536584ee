/** Chat exports for the browser tests, written as generic CSV (id,text,sender,sentAt,conversation). */

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

export interface Row {
  text: string;
  sender: string;
}

export function csv(rows: readonly Row[], start = Date.UTC(2024, 1, 5, 7, 45)): string {
  const lines = rows.map((row, i) =>
    [
      String(i + 1),
      quote(row.text),
      quote(row.sender),
      new Date(start + i * 60_000).toISOString(),
      quote('Response Team B'),
    ].join(','),
  );
  return `id,text,sender,sentAt,conversation\n${lines.join('\n')}\n`;
}

/** The ZWJ family, an RTL word with a right-to-left mark, and a combining accent around flags. */
export const FAMILY = '👩‍👩‍👧';
export const TRICKY = `${FAMILY} that family is scum, you stupid idiot`;
export const RTL = 'مرحبا\u200f you are a moron';
export const COMBINING = 'cafe\u0301 idiot, shut up you moron';

const ORDINARY = [
  'Morning all, briefing at 0800',
  'On my way, traffic on the ring road',
  'Did anyone log the burglary from last night?',
  "Yes it's on the system",
  'Bring coffee please',
  'Nice work on the arrest yesterday',
  'Who has the van keys?',
  'Parking is full again',
  'Shift swap on Friday anyone?',
  'Thanks all, good week',
];

const ABUSIVE = [
  TRICKY,
  RTL,
  COMBINING,
  'I hate muslims, they are vermin',
  'the new guy is a useless retard',
  'shut up you moron',
  'you are a stupid idiot',
];

const SENDERS = ['Sgt Alder', 'PC Birch', 'PC Cedar', 'PC Dale'];

/** A group chat of `n` messages, one in three abusive. */
export function groupChat(n: number): string {
  const rows: Row[] = [];
  for (let i = 0; i < n; i += 1) {
    const text =
      i % 3 === 1
        ? (ABUSIVE[((i / 3) % ABUSIVE.length) | 0] ?? '')
        : (ORDINARY[i % ORDINARY.length] ?? '');
    rows.push({ text, sender: SENDERS[i % SENDERS.length] ?? 'PC Dale' });
  }
  return csv(rows);
}
