import { processBar, type SimBar, type SimBrokerState } from '../broker/index.js';
import type { BarBatch } from '../data/BarBatch.js';
import type { EngineState } from '../engine/index.js';
import type { CommandRouter } from './CommandRouter.js';
import { STEP_WIDTH, TS, type StepColumns } from './StepColumns.js';
import type { Timeline } from './timeline.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The step after the last one whose bar starts at `barStart`: bars of one start are consecutive in the timeline
 * (ties by ticker). Reads the step chunk where it holds the step, else the batch.
 */
export function groupEnd(
  timeline: Timeline,
  batches: readonly BarBatch[],
  columns: StepColumns,
  step: number,
  barStart: number,
): number {
  let next = step + 1;
  while (next < timeline.length) {
    const start =
      next < columns.end
        ? columns.values[(next - columns.start) * STEP_WIDTH + TS]!
        : batches[timeline.ticker[next]!]!.ts[timeline.index[next]!]!;
    if (start !== barStart) break;
    next++;
  }
  return next;
}

/**
 * The market of one bar start: every bar of steps `from` to `to` (all starting at the same time) goes through the
 * broker, and its fills to the engine, before the engine sees any of their closes. Why: stepping ticker by ticker,
 * the close of the first ticker's bar (time T + bar) reached the engine before the broker saw the second ticker's
 * bar of the same start T, so a cancel decided at that close (flatten before the close, the drawdown stop, the kill
 * switch) removed an order the second ticker's open at T had already filled: an outcome that depended on the
 * tickers' names and let the engine escape fills with information from after them. `bar` is scratch, rewritten.
 */
export function fillBarStart(
  engine: EngineState,
  broker: SimBrokerState,
  router: CommandRouter,
  batches: readonly BarBatch[],
  timeline: Timeline,
  from: number,
  to: number,
  bar: Mutable<SimBar>,
): void {
  // Fills come only from working orders; with none left, the rest of the bars cannot produce an event.
  for (let step = from; step < to && broker.workingCount !== 0; step++) {
    const batch = batches[timeline.ticker[step]!]!;
    if (broker.working[batch.ticker] === undefined) continue;
    const i = timeline.index[step]!;
    bar.ticker = batch.ticker;
    bar.barStart = batch.ts[i]!;
    bar.barMs = batch.barMs;
    bar.open = batch.open[i]!;
    bar.high = batch.high[i]!;
    bar.low = batch.low[i]!;
    bar.close = batch.close[i]!;
    bar.volume = batch.volume[i]!;
    bar.spread = null;
    const answers = processBar(broker, bar);
    if (answers.length > 0) router.deliver(engine, broker, answers, i, bar.open);
  }
}
