import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { FeaturesConfigSchema, type FeaturesConfig } from '../../config/features.js';
import { localToUtc } from '../../core/calendar/index.js';
import { allocateBatch, type BarBatch } from '../../core/data/BarBatch.js';
import { buildFeaturePipeline } from '../../core/features/index.js';
import { REPO_ROOT, sharedFile, SMALL_5MIN } from './sharedData.js';

/** The repository's feature registry, parsed and validated. */
export function loadFeaturesYaml(): FeaturesConfig {
  return FeaturesConfigSchema.parse(parse(readFileSync(resolve(REPO_ROOT, 'config', 'features.yaml'), 'utf8')));
}

/** A registry from plain entries; `lookback` defaults to 1000 (always enough) and `category` to trend. */
export function configOf(features: Record<string, Record<string, unknown>>): FeaturesConfig {
  const entries = Object.fromEntries(
    Object.entries(features).map(([name, entry]) => [name, { lookback: 1000, category: 'trend', ...entry }]),
  );
  return FeaturesConfigSchema.parse({ features: entries });
}

/** Columns of a small test batch; missing columns default to close (prices) and 1000 (volume). */
export interface TestBars {
  readonly close: readonly number[];
  readonly open?: readonly number[];
  readonly high?: readonly number[];
  readonly low?: readonly number[];
  readonly volume?: readonly number[];
  readonly ts?: readonly number[];
}

/** 2025-06-02 09:30 New York (a Monday), the default start of test bars, 5 minutes apart. */
export const TEST_START_MS = Date.UTC(2025, 5, 2, 13, 30);

/** Builds a batch from arrays. */
export function batchOf(bars: TestBars): BarBatch {
  const length = bars.close.length;
  const batch = allocateBatch('TEST', 300_000, length);
  for (let i = 0; i < length; i++) {
    batch.ts[i] = bars.ts?.[i] ?? TEST_START_MS + i * 300_000;
    batch.close[i] = bars.close[i]!;
    batch.open[i] = bars.open?.[i] ?? bars.close[i]!;
    batch.high[i] = bars.high?.[i] ?? Math.max(batch.open[i]!, bars.close[i]!);
    batch.low[i] = bars.low?.[i] ?? Math.min(batch.open[i]!, bars.close[i]!);
    batch.volume[i] = bars.volume?.[i] ?? 1000;
  }
  return batch;
}

/** Computes one feature of `config` (with its dependencies) over `bars` and returns its column as a plain array. */
export function computeFeature(config: FeaturesConfig, name: string, bars: TestBars | BarBatch): number[] {
  const pipeline = buildFeaturePipeline(config, [name]);
  const batch = 'length' in bars ? bars : batchOf(bars);
  return Array.from(pipeline.computeBatch(batch)[pipeline.names.indexOf(name)]!);
}

/** Computes one feature of a single-entry registry. */
export function computeOne(entry: Record<string, unknown>, bars: TestBars): number[] {
  return computeFeature(configOf({ feature: entry }), 'feature', bars);
}

/** Relative difference |a - b| / max(|a|, |b|, tiny), 0 when both are equal (NaN included). */
export function relativeDifference(a: number, b: number): number {
  if (Object.is(a, b) || a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

/**
 * Reads the real 5-minute file (symbol, ts_et naive New York bar start, open, high, low, close, volume) into one
 * batch per ticker, times converted to UTC with the calendar.
 */
export function loadSmallBatches(): BarBatch[] {
  const lines = readFileSync(sharedFile(SMALL_5MIN), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string): number => header.indexOf(name);
  const [symbol, time, open, high, low, close, volume] = [
    'symbol',
    'ts_et',
    'open',
    'high',
    'low',
    'close',
    'volume',
  ].map(col);
  const rows = new Map<string, string[][]>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const list = rows.get(cells[symbol!]!) ?? [];
    list.push(cells);
    rows.set(cells[symbol!]!, list);
  }
  return [...rows.entries()].map(([ticker, cells]) => {
    cells.sort((a, b) => (a[time!]! < b[time!]! ? -1 : 1));
    const batch = allocateBatch(ticker, 300_000, cells.length);
    cells.forEach((cell, i) => {
      const [date, clock] = cell[time!]!.split(' ');
      const [y, m, d] = date!.split('-').map(Number);
      const [hh, mm, ss] = clock!.split(':').map(Number);
      batch.ts[i] = localToUtc(Date.UTC(y!, m! - 1, d!, hh!, mm!, ss!));
      batch.open[i] = Number(cell[open!]);
      batch.high[i] = Number(cell[high!]);
      batch.low[i] = Number(cell[low!]);
      batch.close[i] = Number(cell[close!]);
      batch.volume[i] = Number(cell[volume!]);
    });
    return batch;
  });
}

/** The naive New York wall-clock text of each bar of the real file, per ticker (to check time features). */
export function loadSmallWallTimes(): Map<string, string[]> {
  const lines = readFileSync(sharedFile(SMALL_5MIN), 'utf8').trim().split('\n').slice(1);
  const times = new Map<string, string[]>();
  for (const line of lines) {
    const [ticker, time] = line.split(',');
    const list = times.get(ticker!) ?? [];
    list.push(time!);
    times.set(ticker!, list);
  }
  for (const list of times.values()) list.sort();
  return times;
}
