import { toMicros } from '../money/money.js';
import { equity } from '../portfolio/index.js';
import { checkSignalOutput } from '../signals/index.js';
import { targetQuantity } from '../sizing/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { SignalReceived } from '../trading/events.js';
import type { EngineState } from './EngineState.js';
import { logRecord } from './logRecord.js';
import { orderTowards } from './orderFlow.js';

/**
 * A strategy's signal for a ticker: size it (`base_size * |signal| * confidence`, capped; volatility-targeted when
 * configured) into a target position and move towards it through the risk manager. Signals are never orders.
 */
export function onSignalReceived(state: EngineState, event: SignalReceived, out: EngineCommand[]): void {
  if (!state.strategies.includes(event.strategy)) {
    out.push(
      logRecord(event.ts, 'error', 'SIGNAL_UNKNOWN_STRATEGY', `no strategy "${event.strategy}"`, {
        strategy: event.strategy,
      }),
    );
    return;
  }
  try {
    checkSignalOutput(event.output);
  } catch (error) {
    out.push(logRecord(event.ts, 'error', 'SIGNAL_INVALID', (error as Error).message, { ticker: event.ticker }));
    return;
  }
  const memory = state.tickers[event.ticker];
  if (!memory) {
    out.push(
      logRecord(event.ts, 'warn', 'SIGNAL_NO_PRICE', `no bar seen yet for ${event.ticker}`, { ticker: event.ticker }),
    );
    return;
  }
  const sizing = state.risk.sizing;
  const warm = memory.returns >= sizing.volatility_target.lookback_bars;
  const target = targetQuantity({
    signal: event.output.signal,
    confidence: event.output.confidence,
    price: toMicros(memory.lastClose),
    equity: equity(state.portfolio),
    sizing,
    volatility: sizing.volatility_target.enabled && warm ? Math.sqrt(memory.variance) : null,
    barsPerYear: state.barsPerYear,
  });
  orderTowards(state, event.strategy, event.ticker, target, null, event.ts, out);
}
