import type { SimBar } from '../broker/index.js';
import type { SignalOutput } from '../signals/index.js';
import type { BarClosed, SignalsReceived, TickerSignal } from '../trading/events.js';
import type { StrategyId } from '../trading/ids.js';
import { CLOSE, HIGH, LOW, OPEN, STEP_WIDTH, TS, VOLUME, type StepColumns } from './StepColumns.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The broker bar and the close of one timeline step, and the signals of one bar start, rewritten in place. The
 * broker and the engine read a bar or an event during the call and keep no reference to it (their state copies the
 * fields it needs), so one object of each kind serves a million bars instead of several allocations per bar. The
 * types stay readonly where they are handed over.
 */
export interface StepEvents {
  readonly bar: Mutable<SimBar>;
  readonly closed: Mutable<BarClosed>;
  /** The signals of the bar start being stepped: `signals.signals` is refilled from `pool` for each start. */
  readonly signals: Mutable<SignalsReceived> & { readonly signals: TickerSignal[] };
  readonly pool: PooledSignal[];
}

/** A batch entry with a writable output, reused from one bar start to the next. */
interface PooledSignal {
  ticker: string;
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
  const signals = { type: 'SignalsReceived' as const, ts: 0, strategy, signals: [] as TickerSignal[] };
  return { bar, closed, signals, pool: [] };
}

/** Starts the signal batch of a new bar start, closing at `ts`. */
export function clearSignals(events: StepEvents, ts: number): void {
  const list = events.signals.signals;
  // Setting the length is a runtime call even on an empty array (a start without signals leaves it empty).
  if (list.length !== 0) list.length = 0;
  events.signals.ts = ts;
}

/** Appends one ticker's signal to the batch, in a pooled entry. */
export function addSignal(events: StepEvents, ticker: string, signal: number, confidence: number): void {
  const list = events.signals.signals;
  let entry = events.pool[list.length];
  if (entry === undefined) {
    entry = { ticker: '', output: { signal: 0, confidence: 0, metadata: NO_METADATA } };
    events.pool.push(entry);
  }
  entry.ticker = ticker;
  entry.output.signal = signal;
  entry.output.confidence = confidence;
  list.push(entry);
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
