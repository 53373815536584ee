/** Where batch time goes, from the workers' `batch committed` debug lines (ids and timings only). */
export interface BatchTimings {
  count: number;
  /** Per batch, median milliseconds. */
  median: { readMs: number; screenMs: number; commitMs: number; taskMs: number };
  /** Shares of the summed task time. */
  share: { read: number; screen: number; commit: number; other: number };
  /** Batches committed by each worker process. */
  perWorker: number[];
}

interface Line {
  msg?: string;
  runId?: string;
  readMs?: number;
  screenMs?: number;
  commitMs?: number;
  taskMs?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function batchTimings(logs: readonly string[], runId: string): BatchTimings {
  const perWorker: number[] = [];
  const lines: Required<Omit<Line, 'msg' | 'runId'>>[] = [];
  for (const log of logs) {
    let n = 0;
    for (const text of log.split('\n')) {
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Line;
      if (line.msg !== 'batch committed' || line.runId !== runId) continue;
      n += 1;
      lines.push({
        readMs: line.readMs ?? 0,
        screenMs: line.screenMs ?? 0,
        commitMs: line.commitMs ?? 0,
        taskMs: line.taskMs ?? 0,
      });
    }
    perWorker.push(n);
  }
  const sum = (key: keyof (typeof lines)[number]) => lines.reduce((s, l) => s + l[key], 0);
  const task = Math.max(1, sum('taskMs'));
  const share = {
    read: sum('readMs') / task,
    screen: sum('screenMs') / task,
    commit: sum('commitMs') / task,
    other: 0,
  };
  share.other = Math.max(0, 1 - share.read - share.screen - share.commit);
  return {
    count: lines.length,
    median: {
      readMs: median(lines.map((l) => l.readMs)),
      screenMs: median(lines.map((l) => l.screenMs)),
      commitMs: median(lines.map((l) => l.commitMs)),
      taskMs: median(lines.map((l) => l.taskMs)),
    },
    share,
    perWorker,
  };
}
