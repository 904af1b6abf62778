import type { SimBar } from '../broker/index.js';
import type { SignalOutput } from '../signals/index.js';
import type { BarClosed, BarsClosed, SignalsReceived, TickerSignal } from '../trading/events.js';
import type { StrategyId } from '../trading/ids.js';
import type { BarBatch } from '../data/BarBatch.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The broker's scratch bar, and the closes and signals of one close time, rewritten in place. The broker and the
 * engine read a bar or an event during the call and keep no reference to it (their state copies the fields it
 * needs), so a few pooled objects serve a million bars instead of several allocations per bar. The types stay
 * readonly where they are handed over.
 */
export interface StepEvents {
  readonly bar: Mutable<SimBar>;
  /** The closes of the time being stepped: `closes.bars` is refilled from `closePool`. */
  readonly closes: Mutable<BarsClosed> & { readonly bars: BarClosed[] };
  readonly closePool: Mutable<BarClosed>[];
  /** The signals computed from those closes: `signals.signals` is refilled from `signalPool`. */
  readonly signals: Mutable<SignalsReceived> & { readonly signals: TickerSignal[] };
  readonly signalPool: PooledSignal[];
}

/** A batch entry with a writable output. */
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
  const closes = { type: 'BarsClosed' as const, ts: 0, bars: [] as BarClosed[] };
  const signals = { type: 'SignalsReceived' as const, ts: 0, strategy, signals: [] as TickerSignal[] };
  return { bar, closes, closePool: [], signals, signalPool: [] };
}

/** Empties both batches for the close time `ts`. */
export function startCloseTime(events: StepEvents, ts: number): void {
  const bars = events.closes.bars;
  const signals = events.signals.signals;
  // Setting the length is a runtime call even on an empty array (a time without signals leaves it empty).
  if (bars.length !== 0) bars.length = 0;
  if (signals.length !== 0) signals.length = 0;
  events.closes.ts = ts;
  events.signals.ts = ts;
}

/** Appends bar `i` of `batch` (closing at the batch's time) to the closes, in a pooled event. */
export function addClose(events: StepEvents, batch: BarBatch, i: number): void {
  const bars = events.closes.bars;
  let closed = events.closePool[bars.length];
  if (closed === undefined) {
    closed = { type: 'BarClosed', ts: 0, ticker: '', barStart: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 };
    events.closePool.push(closed);
  }
  readBar(closed, batch, i);
  closed.ts = closed.barStart + batch.barMs;
  bars.push(closed);
}

/** The fields a broker bar and a close share, written from bar `i` of `batch`. */
export function readBar(
  target: Mutable<Pick<BarClosed, 'ticker' | 'barStart' | 'open' | 'high' | 'low' | 'close' | 'volume'>>,
  batch: BarBatch,
  i: number,
): void {
  target.ticker = batch.ticker;
  target.barStart = batch.ts[i]!;
  target.open = batch.open[i]!;
  target.high = batch.high[i]!;
  target.low = batch.low[i]!;
  target.close = batch.close[i]!;
  target.volume = batch.volume[i]!;
}

/** Appends one ticker's signal to the signals, in a pooled entry. */
export function addSignal(events: StepEvents, ticker: string, signal: number, confidence: number): void {
  const list = events.signals.signals;
  let entry = events.signalPool[list.length];
  if (entry === undefined) {
    entry = { ticker: '', output: { signal: 0, confidence: 0, metadata: NO_METADATA } };
    events.signalPool.push(entry);
  }
  entry.ticker = ticker;
  entry.output.signal = signal;
  entry.output.confidence = confidence;
  list.push(entry);
}
