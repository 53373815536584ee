import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { clockTicks } from './scale-clock.js';

/** CPU seconds (user + system) a process has used so far, from /proc; null once it is gone. */
export async function cpuSeconds(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicks();
}

/**
 * CPU seconds so far of each PostgreSQL backend serving `database` (the server runs on this
 * machine), by pid. Other databases' backends (other work on a shared machine) are left out;
 * so are the server's shared background processes.
 */
export async function backendCpu(adminUrl: string, database: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) cpu.set(pid, (await cpuSeconds(pid)) ?? 0);
    return cpu;
  } finally {
    await client.end();
  }
}

/** CPU used between two `backendCpu` samples (backends that appeared in between count whole). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/** The 1-minute load average, for the record of how busy the machine was. */
export async function loadAverage(): Promise<number> {
  const text = await readFile('/proc/loadavg', 'utf8');
  return Number(text.split(' ')[0]);
}
