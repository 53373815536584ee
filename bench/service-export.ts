import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/**
 * A synthetic group-chat export in the generic CSV format: ordinary shift talk with a few abusive
 * messages mixed in (about 1 in 20), several senders, one message a minute. Deterministic.
 */
const ORDINARY = [
  'Morning all, briefing at 0800',
  'On my way, traffic on the ring road again',
  'Can someone cover the custody suite after lunch?',
  'Logged the burglary from last night, CAD reference in the system',
  'Who has the keys for car 14?',
  'Thanks for the help earlier 👍',
  'Running ten minutes late, sorry',
  'Anyone want a coffee? ☕',
  'Statement taken, will upload before end of shift',
  'See you tomorrow',
];

export const ABUSIVE = [
  'you are a stupid idiot',
  'shut up you moron',
  'i hate muslims, they should all go home',
  'that complainant is a worthless idiot',
  'typical, they are all vermin',
];

const SENDERS = [
  'Sgt Alder',
  'PC Birch',
  'PC Cedar',
  'PC Dale',
  'PC Elm',
  'PC Fir',
  'PC Gorse',
  'PC Hazel',
];

export function messageText(i: number): string {
  if (i % 20 === 7) return `${ABUSIVE[i % ABUSIVE.length]} (${i})`;
  return `${ORDINARY[i % ORDINARY.length]} (${i})`;
}

export async function writeBenchExport(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,text,sender,sentAt,conversation\n');
  const start = Date.parse('2023-01-01T00:00:00Z');
  for (let i = 0; i < count; i += 1) {
    const at = new Date(start + i * 60_000).toISOString();
    const line = `${i + 1},"${messageText(i).replaceAll('"', '""')}",${SENDERS[i % SENDERS.length]},${at},Response Team\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
