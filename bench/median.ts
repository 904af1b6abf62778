/** Runs `work` `runs` times (collecting garbage before each when possible) and returns the median seconds. */
export function medianSeconds(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    work();
    times.push((performance.now() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)]! * 1000) / 1000;
}

/** How many times each timed section runs; the median is reported (this machine's timings swing about 20%). */
export const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
