import { execFileSync } from 'node:child_process';

let ticks: number | null = null;

/** Clock ticks per second (USER_HZ) for /proc CPU times; 100 on Linux almost everywhere. */
export function clockTicks(): number {
  if (ticks === null) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}
