import type { SimBar } from '../broker/index.js';
import type { SignalOutput } from '../signals/index.js';
import type { BarClosed, SignalReceived } from '../trading/events.js';
import type { StrategyId } from '../trading/ids.js';
import { CLOSE, HIGH, LOW, OPEN, STEP_WIDTH, TS, VOLUME, type StepColumns } from './StepColumns.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The broker bar, the close and the signal of one timeline step, rewritten in place at each step. The broker and
 * the engine read a bar or an event during the call and keep no reference to it (their state copies the fields it
 * needs), so one object of each kind serves a million bars instead of four allocations per bar. The types stay
 * readonly where they are handed over.
 */
export interface StepEvents {
  readonly bar: Mutable<SimBar>;
  readonly closed: Mutable<BarClosed>;
  readonly signal: Mutable<SignalReceived>;
  readonly output: Mutable<SignalOutput>;
}

// Shared by every signal: the backtest sends no metadata, and the engine never writes to it.
const NO_METADATA: SignalOutput['metadata'] = Object.freeze({});

/** Step objects for one backtest, every field in its final order so each keeps one shape. */
export function createStepEvents(strategy: StrategyId): StepEvents {
  const bar: Mutable<SimBar> = {
    ticker: '',
    barStart: 0,
    barMs: 0,
    open: 0,
    high: 0,
    low: 0,
    close: 0,
    volume: 0,
    spread: null,
  };
  const closed: Mutable<BarClosed> = {
    type: 'BarClosed',
    ts: 0,
    ticker: '',
    barStart: 0,
    open: 0,
    high: 0,
    low: 0,
    close: 0,
    volume: 0,
  };
  const output: Mutable<SignalOutput> = { signal: 0, confidence: 0, metadata: NO_METADATA };
  const signal: Mutable<SignalReceived> = { type: 'SignalReceived', ts: 0, strategy, ticker: '', output };
  return { bar, closed, signal, output };
}

/**
 * Writes the bar at `k` in the chunk held by `columns` (a bar of `ticker`, `barMs` long) into the broker bar and the
 * close event (closing at `barStart + barMs`).
 */
export function loadStep(events: StepEvents, ticker: string, barMs: number, columns: StepColumns, k: number): void {
  const { bar, closed } = events;
  const values = columns.values;
  const at = k * STEP_WIDTH;
  bar.ticker = closed.ticker = ticker;
  bar.barStart = closed.barStart = values[at + TS]!;
  bar.barMs = barMs;
  bar.open = closed.open = values[at + OPEN]!;
  bar.high = closed.high = values[at + HIGH]!;
  bar.low = closed.low = values[at + LOW]!;
  bar.close = closed.close = values[at + CLOSE]!;
  bar.volume = closed.volume = values[at + VOLUME]!;
  closed.ts = bar.barStart + barMs;
}
