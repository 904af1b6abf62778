import { cancelOrder, replaceOrder, submitOrder, type BrokerEvent, type SimBrokerState } from '../broker/index.js';
import { handleEvent, type EngineState } from '../engine/index.js';
import { toDollars } from '../money/money.js';
import type { EngineCommand } from '../trading/commands.js';
import { Side } from '../trading/types.js';
import type { EngineEvent } from '../trading/events.js';
import type { StrategyId } from '../trading/ids.js';
import type { TradeLedger } from './TradeLedger.js';

const NO_ANSWERS: readonly BrokerEvent[] = Object.freeze([]);

/**
 * Carries engine commands to the simulated broker and broker events back to the engine, in order, until both are
 * quiet; counts what a report needs on the way. The hot path has its own router over the real broker.
 */
export class CommandRouter {
  tradedNotional = 0;
  commissions = 0;
  slippage = 0;
  orders = 0;
  executions = 0;
  readonly logCounts: Record<string, number> = {};
  private readonly commands: EngineCommand[] = [];
  private readonly ledger: TradeLedger;
  private readonly strategy: StrategyId;

  constructor(ledger: TradeLedger, strategy: StrategyId) {
    this.ledger = ledger;
    this.strategy = strategy;
  }

  /** Hands one event to the engine and routes whatever follows. */
  dispatch(engine: EngineState, broker: SimBrokerState, event: EngineEvent): void {
    handleEvent(engine, event, this.commands);
    this.drain(engine, broker);
  }

  /**
   * Broker events from a bar: executions are measured against the bar open for the slippage paid, against the order
   * (a buy above the open, a sell below it). A limit fill better than the open is not slippage, and not a negative
   * cost either: the broker never slips limit orders, so they count zero.
   */
  deliver(
    engine: EngineState,
    broker: SimBrokerState,
    events: readonly BrokerEvent[],
    bar: number,
    open: number,
  ): void {
    for (const event of events) {
      if (event.type === 'ExecutionReported') {
        const execution = event.execution;
        const worse =
          execution.side === Side.BUY ? toDollars(execution.price) - open : open - toDollars(execution.price);
        const slippage = Math.max(worse, 0) * execution.quantity;
        this.slippage += slippage;
        this.countExecution(event, bar, slippage);
      }
      this.dispatch(engine, broker, event);
    }
  }

  /**
   * Routes the engine's commands to the broker and its answers back, until none is left. The simulated broker fills
   * only when a bar reaches it (`deliver`, which knows the bar); an execution in answer to a command would break
   * that contract and the trade ledger's bar counts, so it stops the backtest.
   */
  private drain(engine: EngineState, broker: SimBrokerState): void {
    // A read index instead of `shift()`, which moves every queued command each time; answers append behind it.
    const commands = this.commands;
    for (let next = 0; next < commands.length; next++) {
      const command = commands[next]!;
      let answers: readonly BrokerEvent[] = NO_ANSWERS;
      switch (command.type) {
        case 'LogRecord':
          this.logCounts[command.code] = (this.logCounts[command.code] ?? 0) + 1;
          break;
        case 'SubmitOrder':
          this.orders++;
          answers = submitOrder(broker, command.order, command.ts);
          break;
        case 'CancelOrder':
          answers = cancelOrder(broker, command.clientOrderId, command.ts);
          break;
        case 'ReplaceOrder':
          answers = replaceOrder(broker, command.clientOrderId, command.quantity, command.limitPrice, command.ts);
          break;
      }
      for (const answer of answers) {
        if (answer.type === 'ExecutionReported') {
          throw new Error(`the simulated broker filled ${answer.execution.clientOrderId} outside a bar`);
        }
        handleEvent(engine, answer, commands);
      }
    }
    // Most events leave nothing: skip the length write, which is a runtime call even on an empty array.
    if (commands.length !== 0) commands.length = 0;
  }

  /** Counts an execution for the report and the trade ledger. */
  private countExecution(event: BrokerEvent & { type: 'ExecutionReported' }, bar: number, slippage: number): void {
    const execution = event.execution;
    this.executions++;
    this.commissions += toDollars(execution.commission);
    this.tradedNotional += toDollars(execution.price) * execution.quantity;
    this.ledger.record(this.strategy, execution, bar, slippage);
  }
}
