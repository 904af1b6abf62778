import type { AggregatePosition, Book, PositionState } from '../portfolio/index.js';
import type { EngineState, TickerMemory } from './EngineState.js';
import type { WorkingPart, WorkingSum } from './workingExposure.js';

/**
 * One ticker's objects inside the engine state, found by name once and then reached by reference. A bar and its
 * signal asked for the same ticker under five names (its memory twice, the account position, the strategy's book,
 * the book's position), each a hash lookup on a map of every ticker ever seen: on a million bars those lookups
 * were a fifth of the engine's time.
 */
export interface TickerSlot {
  /** `state.tickers[ticker]`, once the ticker has closed a bar. */
  memory: TickerMemory | undefined;
  /** `state.portfolio.positions[ticker]`, once the account has traded the ticker. */
  aggregate: AggregatePosition | undefined;
  /** The position in the book of the engine's only strategy, once it has traded the ticker (unused with several). */
  book: PositionState | undefined;
  /**
   * This ticker's part of the working exposure (`workingExposure.ts`): its working shares and what they add to the
   * portfolio's totals at the mark. All zero while nothing works in the ticker or the exposure is not summed yet.
   */
  readonly working: WorkingPart;
}

/** The slots of one engine state and the containers they were read from. */
export interface SlotIndex {
  readonly tickers: Record<string, TickerMemory>;
  readonly positions: Record<string, AggregatePosition>;
  readonly books: Record<string, Book>;
  readonly marks: Record<string, number>;
  readonly workingByTicker: Record<string, number>;
  readonly slots: Map<string, TickerSlot>;
  /** The sum of the slots' working parts; null until first asked for (`workingExposure.ts` sums it then). */
  exposure: WorkingSum | null;
  /** The last ticker asked for and its slot: the bar, the order and the fills of one ticker often come together. */
  lastTicker: string | null;
  lastSlot: TickerSlot | null;
  /** The ticker and slot last found at each position of a `BarsClosed` batch (`batchSlot`). */
  readonly batchTickers: string[];
  readonly batchSlots: TickerSlot[];
}

const INDEX = Symbol('tickerSlots');

type Indexed = EngineState & { [INDEX]?: SlotIndex };

/**
 * The slot of `ticker` in `state`. The index hangs off the state under a symbol that is not enumerable, so it is
 * no part of the state's data: `serializeEngine` never sees it, and a restored state builds its own. It holds only
 * references to objects the state already has, which the engine creates once and never replaces (memories,
 * account positions, book positions), so it cannot disagree with the state: an object still missing is looked up
 * again on the next call, and `refreshTickerSlot` picks up the positions an execution creates. If a caller swaps a
 * whole map (`state.tickers`, the portfolio's positions, books or marks, the working sums), the index is rebuilt.
 * The one derived number it keeps, the working exposure, is summed afresh from the state for every new index.
 */
export function tickerSlot(state: EngineState, ticker: string): TickerSlot {
  const index = slotIndex(state);
  let slot = index.lastTicker === ticker ? index.lastSlot! : index.slots.get(ticker);
  if (slot === undefined) {
    slot = {
      memory: undefined,
      aggregate: undefined,
      book: undefined,
      working: { shares: 0, gross: 0, net: 0, positions: 0, unmarked: false },
    };
    index.slots.set(ticker, slot);
    fill(state, index, ticker, slot);
  } else if (slot.memory === undefined) {
    // Only before the ticker's first bar (positions come with executions, which refresh the slot).
    slot.memory = index.tickers[ticker];
  }
  index.lastTicker = ticker;
  index.lastSlot = slot;
  return slot;
}

/**
 * `tickerSlot` for the bar at `position` of a `BarsClosed` batch. A bar aggregator sends the same universe in the
 * same order at every bar time, so the slot found at a position last time is checked first (a comparison of the
 * ticker, the same string each time) before the lookup by name: on a hundred tickers those lookups were a tenth of
 * the backtest's time. Any other order is only slower.
 */
export function batchSlot(state: EngineState, position: number, ticker: string): TickerSlot {
  const index = slotIndex(state);
  if (index.batchTickers[position] === ticker) {
    const slot = index.batchSlots[position]!;
    if (slot.memory === undefined) slot.memory = index.tickers[ticker];
    return slot;
  }
  const slot = tickerSlot(state, ticker);
  index.batchTickers[position] = ticker;
  index.batchSlots[position] = slot;
  return slot;
}

/** Re-reads the positions of `ticker` into its slot: call after an execution, which may create them. */
export function refreshTickerSlot(state: EngineState, ticker: string): void {
  const index = slotIndex(state);
  const slot = index.slots.get(ticker);
  if (slot !== undefined) fill(state, index, ticker, slot);
}

function fill(state: EngineState, index: SlotIndex, ticker: string, slot: TickerSlot): void {
  slot.memory = index.tickers[ticker];
  slot.aggregate = index.positions[ticker];
  slot.book = state.strategies.length === 1 ? index.books[state.strategies[0]!]?.positions[ticker] : undefined;
}

/** The slot index of `state`, rebuilt (empty, exposure not summed) when a map it was read from was swapped. */
export function slotIndex(state: EngineState): SlotIndex {
  const indexed = state as Indexed;
  const index = indexed[INDEX];
  const portfolio = state.portfolio;
  if (
    index !== undefined &&
    index.tickers === state.tickers &&
    index.positions === portfolio.positions &&
    index.books === portfolio.books &&
    index.marks === portfolio.marks &&
    index.workingByTicker === state.orders.workingByTicker
  ) {
    return index;
  }
  const fresh: SlotIndex = {
    tickers: state.tickers,
    positions: portfolio.positions,
    books: portfolio.books,
    marks: portfolio.marks,
    workingByTicker: state.orders.workingByTicker,
    slots: new Map(),
    exposure: null,
    lastTicker: null,
    lastSlot: null,
    batchTickers: [],
    batchSlots: [],
  };
  Object.defineProperty(state, INDEX, { value: fresh, writable: true, configurable: true, enumerable: false });
  return fresh;
}
