import type { EngineCommand } from '../trading/commands.js';
import type { EngineEvent } from '../trading/events.js';
import type { EngineState } from './EngineState.js';
import { serializeEngine, restoreEngine } from './createEngine.js';
import { onBarClosed, onBarsClosed } from './onBarClosed.js';
import { onBrokerEvent } from './onBrokerEvent.js';
import { onControlEvent } from './onControlEvent.js';
import { onSignalReceived } from './onSignalReceived.js';
import { onSignalsReceived } from './onSignalsReceived.js';
import { applyTimeRules } from './timeRules.js';

/**
 * The engine: `(state, event) -> (state', commands)`. Mutates `state` in place (a backtest sends millions of
 * events) and appends commands to `out`. It reads no clock and does no I/O: time comes from `event.ts`, so the
 * same events give the same commands, byte for byte, in a backtest, in the live process and in a replay.
 */
export function handleEvent(state: EngineState, event: EngineEvent, out: EngineCommand[]): void {
  if (event.ts > state.now) state.now = event.ts;
  switch (event.type) {
    case 'BarClosed':
      onBarClosed(state, event, out);
      return;
    case 'BarsClosed':
      onBarsClosed(state, event, out);
      return;
    case 'SignalReceived':
      onSignalReceived(state, event, out);
      return;
    case 'SignalsReceived':
      onSignalsReceived(state, event, out);
      return;
    case 'ExecutionReported':
    case 'OrderStatusReported':
      onBrokerEvent(state, event, out);
      return;
    case 'TimerFired':
      applyTimeRules(state, event.ts, out);
      return;
    case 'RiskConfigChanged':
    case 'ModelChanged':
    case 'KillSwitchSet':
      onControlEvent(state, event, out);
      return;
  }
}

/** The pure form of `handleEvent`: leaves `state` untouched and returns the next state and the commands. */
export function reduce(state: EngineState, event: EngineEvent): { state: EngineState; commands: EngineCommand[] } {
  const next = restoreEngine(serializeEngine(state));
  const commands: EngineCommand[] = [];
  handleEvent(next, event, commands);
  return { state: next, commands };
}
