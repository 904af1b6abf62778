import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTable } from '../../adapters/data/writeTable.js';
import { sessionsBetween } from '../../core/calendar/index.js';
import { allocateBatch } from '../../core/data/BarBatch.js';
import { barsToTable } from '../../core/data/barsToTable.js';
import type {
  BacktestArtifact,
  BacktestOosInput,
  FoldPlan,
  TrainModelResult,
} from '../../core/experiment/contracts.js';
import { backtestOutOfSample } from './backtestOutOfSample.js';
import { backtestSettingsOf } from './backtestSettingsOf.js';
import { BadExperimentDataError } from './errors.js';
import { stepTestDeps, testPrepared, type StepTestDeps } from './stepTestKit.js';

// Five sessions of 5-minute bars for one ticker. The first (Jan 3) is before the out-of-sample window. On each
// out-of-sample day the price is 100 up to bar 11 and 100 + DELTA[day] from bar 12 on; the model says long
// (signal 1, confidence 1) on bars 10..19 and flat (signal 0) elsewhere. So each day the engine buys at the open
// of bar 11 (the bar after the signal) at 100 and sells at the open of bar 21 at 100 + delta. Sizing from
// config/risk.yaml: 2% of equity per unit of |signal| x confidence at the close of bar 10 (100), i.e. 200 shares
// while equity stays under 1,005,000; the 10% rebalance band keeps the position while the price moves.
const DAYS = [20240103, 20240104, 20240105, 20240108, 20240109];
const DELTA: Readonly<Record<number, number>> = { 20240104: 2, 20240105: -1, 20240108: 3, 20240109: 0.5 };
const SHARES = 200;
const BAR_MS = 300_000;

function barsTable(): Parameters<typeof writeTable>[1] {
  const sessions = sessionsBetween(DAYS[0]!, DAYS[DAYS.length - 1]!);
  expect(sessions.map((session) => session.day)).toEqual(DAYS);
  const batch = allocateBatch('AAA', BAR_MS, sessions.length * 78);
  let i = 0;
  for (const session of sessions) {
    for (let bar = 0; bar < 78; bar++, i++) {
      const price = bar <= 11 ? 100 : 100 + (DELTA[session.day] ?? 5);
      batch.ts[i] = session.openMs + bar * BAR_MS;
      batch.open[i] = batch.high[i] = batch.low[i] = batch.close[i] = price;
      batch.volume[i] = 1_000_000;
    }
  }
  return barsToTable({ batches: [batch], origin: { kind: 'file', detail: 'test bars' } });
}

/** The predictions of a fold: every bar of its sessions, long on bars 10..19, flat otherwise. */
function signalsTable(days: readonly number[]): Parameters<typeof writeTable>[1] {
  const ts: number[] = [];
  const signal: number[] = [];
  for (const session of sessionsBetween(days[0]!, days[days.length - 1]!)) {
    for (let bar = 0; bar < 78; bar++) {
      ts.push(session.openMs + bar * BAR_MS);
      signal.push(bar >= 10 && bar <= 19 ? 1 : 0);
    }
  }
  return {
    length: ts.length,
    columns: [
      { name: 'ticker', kind: 'string', values: ts.map(() => 'AAA') },
      { name: 'ts', kind: 'timestamp', values: Float64Array.from(ts) },
      { name: 'signal', kind: 'number', values: Float64Array.from(signal) },
      { name: 'confidence', kind: 'number', values: Float64Array.from(signal, () => 1) },
    ],
    metadata: {},
  };
}

function foldOf(fold: number, days: readonly number[]): FoldPlan {
  const sessions = sessionsBetween(days[0]!, days[days.length - 1]!);
  return {
    fold,
    train_rows: [[0, 1]],
    valid_rows: [1, 2],
    test_rows: [fold * 1000, fold * 1000 + 156],
    train_from: '2023-12-01T14:30:00.000Z',
    train_to: '2023-12-29T20:55:00.000Z',
    test_from: new Date(sessions[0]!.openMs).toISOString(),
    test_to: new Date(sessions[sessions.length - 1]!.closeMs - BAR_MS).toISOString(),
  };
}

function modelOf(bestIteration: number): TrainModelResult {
  return {
    output_prefix: 'm',
    model_key: 'm/model.onnx',
    native_key: 'm/model.txt',
    card_key: 'm/card.json',
    framework: 'lightgbm',
    task: 'classification',
    best_iteration: bestIteration,
    num_trees: 3 * bestIteration,
    rows_train: 1,
    rows_valid: 1,
    metrics: {},
    training_seconds: 0,
  };
}

/** Sample moments by hand: mean / sample std, and population skewness and (non-excess) kurtosis. */
function moments(r: readonly number[]): { sharpe: number; skew: number; kurtosis: number } {
  const n = r.length;
  const mean = r.reduce((a, b) => a + b, 0) / n;
  const m = (k: number): number => r.reduce((a, b) => a + (b - mean) ** k, 0) / n;
  const std = Math.sqrt((m(2) * n) / (n - 1));
  return { sharpe: mean / std, skew: m(3) / m(2) ** 1.5, kurtosis: m(4) / m(2) ** 2 };
}

describe('backtestOutOfSample', () => {
  let kit: StepTestDeps;
  let work: string;
  let input: BacktestOosInput;

  beforeAll(async () => {
    kit = await stepTestDeps();
    work = await mkdtemp(join(tmpdir(), 'intraday-oos-'));
    const prepared = testPrepared({ costs: { model: 'none', slippage_bps: 3, initial_cash: 1_000_000 } });
    const put = async (key: string, table: Parameters<typeof writeTable>[1]): Promise<void> => {
      const file = join(work, key.replace(/\//g, '_'));
      await writeTable(file, table);
      await kit.store.put(key, await readFile(file));
    };
    await put(prepared.barsKey, barsTable());
    const foldDays = [DAYS.slice(1, 3), DAYS.slice(3, 5)];
    const predictions = [];
    for (const [fold, days] of foldDays.entries()) {
      const signalsKey = `${prepared.datasetPrefix}/predictions/fold${fold}.parquet`;
      await put(signalsKey, signalsTable(days));
      predictions.push({ fold, signalsKey, rows: 156, ic: fold === 0 ? 0.05 : null });
    }
    input = {
      prepared,
      barsKey: prepared.barsKey,
      folds: foldDays.map((days, fold) => foldOf(fold, days)),
      predictions,
      models: [modelOf(17), modelOf(23)],
    };
  });

  afterAll(async () => {
    await kit?.cleanup();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('gives the P&L computed by hand, cut per fold, with the daily statistics of the returns', async () => {
    const result = await backtestOutOfSample(kit.deps, input);

    const equity = [1_000_000];
    for (const day of DAYS.slice(1)) equity.push(equity[equity.length - 1]! + SHARES * DELTA[day]!);
    const returns = equity.slice(1).map((e, k) => e / equity[k]! - 1);
    const hand = moments(returns);
    expect(equity).toEqual([1_000_000, 1_000_400, 1_000_200, 1_000_800, 1_000_900]);
    expect(result.metrics['trades']).toBe(4);
    expect(result.metrics['total_return']).toBeCloseTo(0.0009, 12);
    expect(result.metrics['costs']).toBe(0);
    expect(result.metrics['sessions'], 'the pre-sample session is not traded').toBe(4);
    expect(result.metrics['sharpe']).toBeCloseTo(hand.sharpe * Math.sqrt(252), 9);
    expect(result.daily.n).toBe(4);
    expect(result.daily.sharpe).toBeCloseTo(hand.sharpe, 12);
    expect(result.daily.skew).toBeCloseTo(hand.skew, 9);
    expect(result.daily.kurtosis).toBeCloseTo(hand.kurtosis, 9);
    const [first, second] = result.folds;
    expect(first).toMatchObject({ fold: 0, trades: 2, ic: 0.05, best_iteration: 17 });
    expect(first!.total_return).toBeCloseTo(1_000_200 / 1_000_000 - 1, 12);
    expect(first!.sharpe).toBeCloseTo(moments(returns.slice(0, 2)).sharpe * Math.sqrt(252), 9);
    expect(second).toMatchObject({ fold: 1, trades: 2, ic: null, best_iteration: 23 });
    expect(second!.total_return).toBeCloseTo(1_000_900 / 1_000_200 - 1, 12);
    expect(second!.sharpe).toBeCloseTo(moments(returns.slice(2, 4)).sharpe * Math.sqrt(252), 9);
    expect(result.resultKey.startsWith(`${input.prepared.datasetPrefix}/backtests/`)).toBe(true);
  });

  it('writes the artifact the report reads: equity from the session before, trades with their fills', async () => {
    const result = await backtestOutOfSample(kit.deps, input);

    const artifact = JSON.parse(
      Buffer.from(await kit.store.get(result.resultKey)).toString('utf8'),
    ) as BacktestArtifact;
    expect(artifact.equity).toEqual([
      { day: '2024-01-03', equity: 1_000_000 },
      { day: '2024-01-04', equity: 1_000_400 },
      { day: '2024-01-05', equity: 1_000_200 },
      { day: '2024-01-08', equity: 1_000_800 },
      { day: '2024-01-09', equity: 1_000_900 },
    ]);
    expect(artifact.trades[0]).toEqual({
      ticker: 'AAA',
      side: 'BUY',
      entry_ts: '2024-01-04T15:25:00.000Z',
      exit_ts: '2024-01-04T16:15:00.000Z',
      entry_price: 100,
      exit_price: 102,
      quantity: SHARES,
      pnl: 400,
      costs: 0,
      bars: 10,
    });
    expect(artifact.trades.map((trade) => trade.pnl)).toEqual([400, -200, 600, 100]);
    expect(artifact.folds).toEqual(result.folds);
    expect(artifact.initial_cash).toBe(1_000_000);
    expect(artifact.costs_model).toBe('none');
    expect(artifact.metrics).toEqual(result.metrics);
  });

  it('is idempotent: same input, same key and bytes; a found artifact gives the same result', async () => {
    const first = await backtestOutOfSample(kit.deps, input);
    const bytes = Buffer.from(await kit.store.get(first.resultKey));
    await kit.store.delete(first.resultKey);
    const rerun = await backtestOutOfSample(kit.deps, input);
    const before = kit.heartbeats.length;

    const found = await backtestOutOfSample(kit.deps, input);

    expect(rerun).toEqual(first);
    expect(Buffer.from(await kit.store.get(rerun.resultKey)).equals(bytes)).toBe(true);
    expect(found).toEqual(first);
    expect(kit.heartbeats.length, 'a found artifact is not recomputed').toBe(before);
  });

  it('charges IBKR commission when the costs section asks for it', async () => {
    const prepared = testPrepared({ costs: { model: 'ibkr', slippage_bps: 0, initial_cash: 1_000_000 } });

    const result = await backtestOutOfSample(kit.deps, {
      ...input,
      prepared: { ...input.prepared, config: prepared.config },
    });

    // 200 shares x $0.005 = $1, the minimum: $1 per fill, two fills a day, four days.
    expect(result.metrics['costs']).toBeCloseTo(8, 9);
    expect(result.metrics['total_return']).toBeCloseTo(0.0009 - 8 / 1_000_000, 12);
  });

  it('rejects predictions that match no bar of the out-of-sample window', async () => {
    const bad = { ...input, folds: [input.folds[1]!, { ...input.folds[0]!, test_from: input.folds[1]!.test_from }] };

    const call = backtestOutOfSample(kit.deps, bad);

    await expect(call).rejects.toBeInstanceOf(BadExperimentDataError);
    await expect(call).rejects.toThrow(
      'out-of-sample predictions: 156 match no bar, 0 duplicate a bar, 0 are out of range, of 312 rows ' +
        '(first: AAA 2024-01-04T14:30:00.000Z matches no bar)',
    );
  });
});

describe('backtestSettingsOf', () => {
  it('maps ibkr to the IBKR fixed commission and fixed slippage, none to no costs at all', () => {
    const ibkr = backtestSettingsOf(testPrepared({ costs: { model: 'ibkr', slippage_bps: 2, initial_cash: 5e5 } }));
    const none = backtestSettingsOf(testPrepared({ costs: { model: 'none', slippage_bps: 2 } }));
    const free = backtestSettingsOf(testPrepared({ costs: { model: 'ibkr', slippage_bps: 0 } }));

    expect(ibkr.commission).toEqual({ model: 'ibkr_fixed', per_share: 0.005, minimum: 1, maximum_pct_of_value: 0.01 });
    expect(ibkr.slippage).toEqual({ model: 'fixed_bps', bps: 2 });
    expect(ibkr.initial_cash).toBe(5e5);
    expect(none.commission).toEqual({ model: 'none' });
    expect(none.slippage).toEqual({ model: 'none' });
    expect(free.slippage).toEqual({ model: 'none' });
    expect(free.participation_limit).toBe(0.1);
  });
});
