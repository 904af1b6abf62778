import type { EngineCommand } from '../trading/commands.js';
import type { KillSwitchSet, ModelChanged, RiskConfigChanged } from '../trading/events.js';
import type { EngineState } from './EngineState.js';
import { logRecord } from './logRecord.js';
import { flattenAll } from './orderFlow.js';

/** Operator and orchestration events: new risk limits, a model swap, the kill switch. */
export function onControlEvent(
  state: EngineState,
  event: RiskConfigChanged | ModelChanged | KillSwitchSet,
  out: EngineCommand[],
): void {
  switch (event.type) {
    case 'RiskConfigChanged':
      state.risk = event.risk;
      out.push(logRecord(event.ts, 'info', 'RISK_CONFIG_CHANGED', 'new risk limits in force', {}));
      return;
    case 'ModelChanged':
      state.models[event.strategy] = event.model;
      out.push(
        logRecord(event.ts, 'info', 'MODEL_CHANGED', `${event.strategy} now runs ${event.model}`, {
          strategy: event.strategy,
          model: event.model,
        }),
      );
      return;
    case 'KillSwitchSet':
      state.killSwitch = event.engaged;
      // Kept until the switch is released: engaging it again without flatten does not call off a flatten asked for.
      state.killSwitchFlatten = event.engaged && (event.flatten || state.killSwitchFlatten === true);
      out.push(
        logRecord(event.ts, 'warn', event.engaged ? 'KILL_SWITCH_ENGAGED' : 'KILL_SWITCH_RELEASED', event.reason, {
          flatten: event.flatten,
        }),
      );
      if (event.engaged && event.flatten) flattenAll(state, event.ts, 'KILL_SWITCH_FLATTEN', out);
  }
}
