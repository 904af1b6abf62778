import { toMicros, type Micros } from '../money/money.js';
import { executionId, type ClientOrderId, type ExecutionId } from '../trading/ids.js';
import type { Execution, Side } from '../trading/types.js';
import { splitExecId } from './ibOrderFacts.js';

/** An execDetails message reduced to what the engine needs (prices in dollars as IB sends them). */
export interface IbFill {
  readonly execId: string;
  readonly clientOrderId: ClientOrderId;
  readonly ticker: string;
  readonly side: Side;
  readonly shares: number;
  readonly price: number;
  readonly ts: number;
}

/** What happened to an execDetails message. */
export type FillOutcome =
  | { readonly kind: 'READY'; readonly execution: Execution }
  | { readonly kind: 'WAITING_FOR_COMMISSION' }
  | { readonly kind: 'DUPLICATE' }
  | { readonly kind: 'SUPERSEDED' };

/**
 * Turns IB's execDetails and commissionReport messages into the engine's executions, exactly once each.
 * - An execution id seen before is a DUPLICATE (TWS re-sends executions on reconnect and on reqExecutions).
 * - A higher revision of a known execution (same id up to the last period, `.01` -> `.02`) is a correction: it
 *   carries `correctsExecutionId` = the latest revision seen, which the order manager replaces. A lower revision
 *   than one already seen is SUPERSEDED (a replay arriving after its correction).
 * - An execution waits for its commissionReport (matched by execId, which may come first or later) so the engine
 *   gets it with its commission; `expire(execId)` releases it with zero commission when the report is late, and a
 *   report arriving after that produces a correction `<execId>+commission` with the same shares and price.
 * Pure and deterministic; the adapter owns the timers.
 */
export class ExecutionMatcher {
  private readonly waiting = new Map<string, Omit<Execution, 'commission'>>();
  private readonly commissions = new Map<string, Micros>();
  /** Every id handed to the engine (or waiting), with the execution as emitted. */
  private readonly emitted = new Map<string, Execution>();
  private readonly seen = new Set<string>();
  /** Latest revision per execution base, and the id the engine knows that revision by. */
  private readonly latest = new Map<string, { revision: number; engineId: ExecutionId }>();

  addFill(fill: IbFill): FillOutcome {
    if (this.seen.has(fill.execId)) return { kind: 'DUPLICATE' };
    const { base, revision } = splitExecId(fill.execId);
    const previous = this.latest.get(base);
    if (previous && revision < previous.revision) return { kind: 'SUPERSEDED' };
    this.seen.add(fill.execId);
    this.latest.set(base, { revision, engineId: executionId(fill.execId) });
    const execution: Omit<Execution, 'commission'> = {
      executionId: executionId(fill.execId),
      clientOrderId: fill.clientOrderId,
      ticker: fill.ticker,
      side: fill.side,
      quantity: fill.shares,
      price: toMicros(fill.price),
      ts: fill.ts,
      correctsExecutionId: previous ? previous.engineId : null,
    };
    const commission = this.commissions.get(fill.execId);
    if (commission === undefined) {
      this.waiting.set(fill.execId, execution);
      return { kind: 'WAITING_FOR_COMMISSION' };
    }
    this.commissions.delete(fill.execId);
    return { kind: 'READY', execution: this.emit({ ...execution, commission }) };
  }

  /** A commissionReport: the waiting execution it completes, a commission correction, or null (kept for later). */
  addCommission(execId: string, commissionDollars: number): Execution | null {
    const commission = toMicros(Number.isFinite(commissionDollars) ? commissionDollars : 0);
    const waiting = this.waiting.get(execId);
    if (waiting) {
      this.waiting.delete(execId);
      return this.emit({ ...waiting, commission });
    }
    const released = this.emitted.get(execId);
    if (released) {
      const { base } = splitExecId(execId);
      const latest = this.latest.get(base);
      // Only the execution the engine currently holds can take its late commission.
      if (!latest || latest.engineId !== released.executionId || released.commission === commission) return null;
      const corrected: Execution = {
        ...released,
        executionId: executionId(`${execId}+commission`),
        commission,
        correctsExecutionId: released.executionId,
      };
      this.latest.set(base, { revision: splitExecId(execId).revision, engineId: corrected.executionId });
      this.emitted.set(corrected.executionId, corrected);
      return corrected;
    }
    if (!this.seen.has(execId)) this.commissions.set(execId, commission);
    return null;
  }

  /** Releases a waiting execution with zero commission (its report is late); null when it is not waiting. */
  expire(execId: string): Execution | null {
    const waiting = this.waiting.get(execId);
    if (!waiting) return null;
    this.waiting.delete(execId);
    return this.emit({ ...waiting, commission: toMicros(0) });
  }

  private emit(execution: Execution): Execution {
    this.emitted.set(execution.executionId, execution);
    return execution;
  }
}
