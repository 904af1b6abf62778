import { formatBarSize } from '../../core/data/Bar.js';
import type { BarSink } from '../../core/ibkr/BarSink.js';
import { isCovered, withCovered, withPending, type FetchCursor } from '../../core/ibkr/FetchCursor.js';
import { PacingScheduler, type PacingRequest } from '../../core/ibkr/PacingScheduler.js';
import { planChunks, type HistoricalChunk } from '../../core/ibkr/planChunks.js';
import { IbFetchFailedError, IbOutageError } from './errors.js';
import { HistoricalChannel, type RequestOutcome } from './HistoricalChannel.js';
import type { FetchDeps, FetchSummary, HistoricalFetchPlan, TickerFetchSummary } from './fetchTypes.js';
import { rowsToBars } from './rowsToBars.js';

interface WorkItem {
  readonly order: number;
  readonly ticker: string;
  readonly chunk: HistoricalChunk;
  readonly pacing: PacingRequest;
  attempts: number;
  notBeforeMs: number;
}

/**
 * Fetches historical bars for every ticker under IB's pacing rules and writes each chunk through the sink, then
 * the cursor, so that a run killed at any point resumes without asking again for what it has: chunks inside a
 * covered span are skipped, and a write a crash interrupted (cursor `pending`) is settled by counting the stored
 * bars. Tickers alternate chunk by chunk, oldest first. A fatal error gives up that ticker only.
 */
export async function fetchHistorical(plan: HistoricalFetchPlan, deps: FetchDeps): Promise<FetchSummary> {
  const { clock } = deps;
  // Held whenever this run is busy (files, decisions) and released only while it waits for time or replies, so a
  // virtual clock moves exactly when the run has nothing to do but wait.
  let release = clock.hold();
  try {
    return await run(plan, deps, () => {
      release();
      return () => {
        release = clock.hold();
      };
    });
  } finally {
    release();
  }
}

async function run(plan: HistoricalFetchPlan, deps: FetchDeps, idle: () => () => void): Promise<FetchSummary> {
  const { connection, clock, sink, cursors, settings } = deps;
  const bar = formatBarSize(plan.barMs);
  const summary: FetchSummary = { tickers: [], requests: 0, pacingViolations: 0, startedMs: clock.now(), endedMs: 0 };
  const cursorOf = new Map<string, FetchCursor>();
  const byTicker = new Map<string, TickerFetchSummary>();
  const totals = new Map<string, number>();
  const perTicker: WorkItem[][] = [];
  const chunks = planChunks({ startDay: plan.startDay, endDay: plan.endDay, barMs: plan.barMs, rth: settings.rth });
  for (const ticker of plan.tickers) {
    const cursor = await settlePending(await cursors.load(plan.dataset, ticker, bar, settings.rth), sink, plan.barMs);
    await cursors.save(cursor);
    cursorOf.set(ticker, cursor);
    const tickerSummary: TickerFetchSummary = {
      ticker,
      barsWritten: 0,
      chunksFetched: 0,
      chunksSkipped: 0,
      quarantined: [],
    };
    byTicker.set(ticker, tickerSummary);
    summary.tickers.push(tickerSummary);
    totals.set(ticker, chunks.length);
    const items: WorkItem[] = [];
    for (const chunk of chunks) {
      if (isCovered(cursor, chunk.fromMs, chunk.toMs)) {
        tickerSummary.chunksSkipped += 1;
        deps.onProgress?.({
          ticker,
          chunk,
          bars: 0,
          skipped: true,
          done: tickerSummary.chunksSkipped,
          total: chunks.length,
        });
        continue;
      }
      const key = [ticker, chunk.endDateTime, chunk.duration, chunk.barSetting, settings.whatToShow, settings.rth];
      const pacing = {
        key: key.join('|'),
        contractKey: `${ticker}|SMART|${settings.whatToShow}`,
        weight: settings.whatToShow === 'BID_ASK' ? 2 : 1,
      };
      items.push({ order: 0, ticker, chunk, pacing, attempts: 0, notBeforeMs: -Infinity });
    }
    perTicker.push(items);
  }
  // Round-robin across tickers so each one advances and bursts per contract stay small.
  const queue: WorkItem[] = [];
  for (let i = 0; perTicker.some((items) => i < items.length); i++) {
    for (const items of perTicker) if (i < items.length) queue.push({ ...items[i]!, order: queue.length });
  }

  const scheduler = new PacingScheduler(settings.pacing);
  if (deps.pacingLog) {
    const now = clock.now();
    scheduler.restore((await deps.pacingLog.load()).filter((start) => start.atMs <= now));
  }
  const channel = new HistoricalChannel(connection, clock);
  const inflight = new Set<Promise<void>>();
  let wake: () => void = () => undefined;
  let writes: Promise<void> = Promise.resolve();
  let writeError: unknown;
  let pacingStreak = 0;
  let outageSince: number | undefined;

  const requeue = (item: WorkItem): void => {
    const at = queue.findIndex((other) => other.order > item.order);
    queue.splice(at < 0 ? queue.length : at, 0, item);
  };
  const giveUp = (item: WorkItem, detail: string): void => {
    const tickerSummary = byTicker.get(item.ticker)!;
    tickerSummary.error ??= new IbFetchFailedError(item.ticker, `${detail} (chunk ending ${item.chunk.endDateTime})`);
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.ticker === item.ticker) queue.splice(i, 1);
  };
  const write = (item: WorkItem, outcomeRows: RequestOutcome & { kind: 'rows' }): void => {
    const tickerSummary = byTicker.get(item.ticker)!;
    const { bars, quarantined } = rowsToBars(item.ticker, outcomeRows.rows, item.chunk.fromMs, item.chunk.toMs);
    tickerSummary.quarantined.push(...quarantined);
    record(item, bars);
  };
  const record = (item: WorkItem, bars: Parameters<BarSink['append']>[2]): void => {
    writes = writes.then(async () => {
      if (writeError !== undefined) return;
      const release = clock.hold();
      try {
        const { fromMs, toMs } = item.chunk;
        let cursor = cursorOf.get(item.ticker)!;
        if (bars.length > 0) {
          cursor = withPending(cursor, { fromMs, toMs, bars: bars.length });
          await cursors.save(cursor);
          await sink.append(item.ticker, plan.barMs, bars);
        }
        cursor = withPending(withCovered(cursor, fromMs, toMs), null);
        await cursors.save(cursor);
        cursorOf.set(item.ticker, cursor);
        const tickerSummary = byTicker.get(item.ticker)!;
        tickerSummary.barsWritten += bars.length;
        tickerSummary.chunksFetched += 1;
        const done = tickerSummary.chunksFetched + tickerSummary.chunksSkipped;
        deps.onProgress?.({
          ticker: item.ticker,
          chunk: item.chunk,
          bars: bars.length,
          skipped: false,
          done,
          total: totals.get(item.ticker)!,
        });
      } catch (error) {
        writeError = error;
      } finally {
        release();
        wake();
      }
    });
  };
  const handle = (item: WorkItem, outcome: RequestOutcome): void => {
    const now = clock.now();
    if (outcome.kind === 'rows') {
      pacingStreak = 0;
      return write(item, outcome);
    }
    if (outcome.kind === 'interrupted') return requeue(item);
    if (outcome.kind === 'error' && outcome.class.kind === 'no-data') return record(item, []);
    if (outcome.kind === 'error' && outcome.class.kind === 'pacing') {
      summary.pacingViolations += 1;
      scheduler.pauseUntil(now + settings.pacingPauseMs * 2 ** Math.min(pacingStreak, 4));
      pacingStreak += 1;
      return requeue(item);
    }
    if (outcome.kind === 'error' && outcome.class.kind === 'fatal') {
      return giveUp(item, `IB error ${outcome.code}: ${outcome.message} (${outcome.class.reason})`);
    }
    // Timeouts, retryable errors and connectivity notices tied to the request: bounded retries with backoff.
    item.attempts += 1;
    const what =
      outcome.kind === 'timeout'
        ? `no answer within ${settings.requestTimeoutMs} ms`
        : `IB error ${outcome.code}: ${outcome.message}`;
    if (item.attempts >= settings.maxAttempts) return giveUp(item, `${what}, ${item.attempts} attempts`);
    item.notBeforeMs = now + settings.retryBaseMs * 2 ** (item.attempts - 1);
    requeue(item);
  };
  const send = (item: WorkItem): void => {
    summary.requests += 1;
    const { chunk } = item;
    const query = {
      symbol: item.ticker,
      endDateTime: chunk.endDateTime,
      duration: chunk.duration,
      barSetting: chunk.barSetting,
      whatToShow: settings.whatToShow,
      useRth: settings.rth,
    };
    const task = channel.request(connection.nextRequestId(), query, settings.requestTimeoutMs).then((outcome) => {
      scheduler.finish();
      inflight.delete(task);
      handle(item, outcome);
      wake();
    });
    inflight.add(task);
  };

  const aborted = deps.signal ? [abortPromise(deps.signal)] : [];
  try {
    while (queue.length > 0 || inflight.size > 0) {
      deps.signal?.throwIfAborted();
      if (writeError !== undefined) throw writeError;
      const woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
      if (connection.state !== 'ready' || channel.linkDown) {
        outageSince ??= clock.now();
        const left = outageSince + settings.maxOutageMs - clock.now();
        if (left <= 0) {
          const { host, port } = connection.settings;
          throw new IbOutageError(host, port, settings.maxOutageMs);
        }
        const busy = idle();
        const limit = new AbortController();
        try {
          const waited = clock.sleep(left, limit.signal).catch(() => undefined);
          await Promise.race([connection.waitReady().then(() => channel.linkUp()), woken, waited]);
        } finally {
          limit.abort();
          busy();
        }
        continue;
      }
      outageSince = undefined;
      const now = clock.now();
      let next = Infinity;
      const due: WorkItem[] = [];
      for (const item of [...queue]) {
        const earliest = Math.max(item.notBeforeMs, scheduler.earliestStart(item.pacing, now));
        if (earliest <= now) {
          queue.splice(queue.indexOf(item), 1);
          scheduler.start(item.pacing, now);
          due.push(item);
        } else {
          next = Math.min(next, earliest);
        }
      }
      if (due.length > 0 && deps.pacingLog) {
        // Persisted before the requests go out: a crash right after sending still leaves them on record.
        const release = clock.hold();
        try {
          await deps.pacingLog.save(scheduler.history());
        } finally {
          release();
        }
      }
      for (const item of due) send(item);
      if (queue.length === 0 && inflight.size === 0) break;
      const nap = new AbortController();
      const naps = next === Infinity ? [] : [clock.sleep(next - now, nap.signal).catch(() => undefined)];
      const busy = idle();
      try {
        await Promise.race([woken, ...naps, ...aborted]);
      } finally {
        nap.abort();
        busy();
      }
    }
    const busy = idle();
    try {
      await writes;
    } finally {
      busy();
    }
    if (writeError !== undefined) throw writeError;
  } finally {
    channel.dispose();
  }
  summary.endedMs = clock.now();
  return summary;
}

function abortPromise(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * A write a crash interrupted: when the store holds every bar of the pending span, the span counts as covered;
 * otherwise the chunk is fetched again (the bar store replaces equal (ticker, ts), so nothing is stored twice).
 */
async function settlePending(cursor: FetchCursor, sink: BarSink, barMs: number): Promise<FetchCursor> {
  const pending = cursor.pending;
  if (pending === null) return cursor;
  const stored = await sink.countBars(cursor.ticker, barMs, pending.fromMs, pending.toMs);
  const settled = withPending(cursor, null);
  return stored >= pending.bars ? withCovered(settled, pending.fromMs, pending.toMs) : settled;
}
