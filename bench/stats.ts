/** Timing helpers for bench/run.ts. Wall-clock, `performance.now()`; medians over repeats. */

export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  /** Median CPU time (user + system) of this process per run: shows how much of the wall time was ours. */
  readonly cpuMedian: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs `fn` `warmup` times untimed, then `runs` times timed. */
export function time(fn: (run: number) => void, runs: number, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuNow();
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
    cpu.push(cpuNow() - c0);
  }
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs,
    cpuMedian: median(cpu),
  };
}

/** Times one call. */
export function once<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

export function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  console.log(`\n${title}`);
  rows.forEach((r, i) => {
    console.log(
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}
