import type { EngineCommand } from '../trading/commands.js';
import type { SignalsReceived } from '../trading/events.js';
import type { EngineState } from './EngineState.js';
import { acceptSignal, actOnSignal, nothingToReduce } from './onSignalReceived.js';

/**
 * A batch of one strategy's signals at one time: each entry exactly as a `SignalReceived` of its own, in order, so
 * an entry sees the orders the ones before it sent. Why a batch: a model scores its whole universe at each bar
 * close, and while a loss limit, the drawdown stop or the kill switch holds with nothing held or worked, no signal
 * can lead to an order; the batch then only checks that its signals are valid (logging those that are not, as
 * single events would) instead of handing each to the engine. A halted backtest spends most of its bars there, and
 * the hand-over itself was most of the cost of such a signal.
 */
export function onSignalsReceived(state: EngineState, event: SignalsReceived, out: EngineCommand[]): void {
  const { ts, strategy, signals } = event;
  if (state.strategies.includes(strategy) && nothingToReduce(state)) {
    for (let s = 0; s < signals.length; s++) {
      const entry = signals[s]!;
      acceptSignal(ts, entry.ticker, entry.output, out);
    }
    return;
  }
  for (let s = 0; s < signals.length; s++) {
    const entry = signals[s]!;
    actOnSignal(state, ts, strategy, entry.ticker, entry.output, out);
  }
}
