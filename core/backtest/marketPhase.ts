import { processBar, type SimBar, type SimBrokerState } from '../broker/index.js';
import type { BarBatch } from '../data/BarBatch.js';
import type { EngineState } from '../engine/index.js';
import type { CommandRouter } from './CommandRouter.js';
import type { BarStarts } from './BarStarts.js';
import { readBar } from './StepEvents.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The market of one bar start: every bar of the start `starts` is at goes through the broker, and its fills to the engine, before the engine sees any of their closes. Why: stepping ticker by ticker,
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
  starts: BarStarts,
  bar: Mutable<SimBar>,
): void {
  // Fills come only from working orders; with none left, the rest of the bars cannot produce an event.
  for (let k = 0; k < starts.count && broker.workingCount !== 0; k++) {
    const batch = batches[starts.batch[k]!]!;
    if (broker.working[batch.ticker] === undefined) continue;
    const i = starts.index[k]!;
    readBar(bar, batch, i);
    bar.barMs = batch.barMs;
    bar.spread = null;
    const answers = processBar(broker, bar);
    if (answers.length > 0) router.deliver(engine, broker, answers, i, bar.open);
  }
}
