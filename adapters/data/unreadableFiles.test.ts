import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeatureHeader } from '../model/readFeatureFile.js';
import { loadBars } from './loadBars.js';
import { loadFactorFiles } from './loadFactorFiles.js';
import { loadSignals } from './loadSignals.js';

// Files a user can hand over by mistake: a Parquet name on bytes that are not Parquet, a copy cut short, a factor
// folder that is not there. Each must stop with FILE_UNREADABLE naming the file, never DuckDB's SQL or a silent pass.

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'intraday-unreadable-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function file(name: string, bytes: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return path;
}

/** FILE_UNREADABLE, the file named, and none of the SQL DuckDB ran. */
async function expectUnreadable(promise: Promise<unknown>, path: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown as { code?: string; message: string },
  );
  expect(error, 'the call must fail').not.toBeNull();
  expect(error!.code).toBe('FILE_UNREADABLE');
  expect(error!.message.startsWith(`${path}: cannot read the file (`)).toBe(true);
  expect(error!.message).not.toMatch(/SELECT|LINE 1|\^/);
}

describe('files that are not what their name says', () => {
  it('refuses a .parquet bar file that holds text, naming the file and not the SQL', async () => {
    const path = await file('text.parquet', 'ticker,ts,open,high,low,close\nAAPL,2025-06-02 09:30,1,2,0.5,1.5\n');

    await expectUnreadable(loadBars(path), path);
  });

  it('refuses a .parquet signals file that is cut short', async () => {
    const path = await file('short.parquet', 'PAR1');
    const bars = await loadBars(
      await file('bars.csv', 'symbol,ts_et,open,high,low,close\nAAPL,2025-06-02 09:30,1,2,0.5,1.5\n'),
    );

    await expectUnreadable(loadSignals(path, bars.bars), path);
  });

  it('refuses a .parquet features file that is not Parquet', async () => {
    const path = await file('features.parquet', 'not parquet at all');

    await expectUnreadable(readFeatureHeader(path), path);
  });

  it('refuses a factor folder that does not exist instead of adjusting nothing', async () => {
    const missing = join(folder, 'no-such-factor-folder');

    const error = await loadFactorFiles(missing, ['AAPL']).then(
      () => null,
      (thrown: unknown) => thrown as { code?: string; message: string },
    );

    expect(error?.code).toBe('FILE_UNREADABLE');
    expect(error?.message).toContain(`${missing}: cannot read the file (`);
    expect(error?.message).toContain('expected a folder of LEAN factor files');
  });

  it('still treats a ticker without a factor file in an existing folder as unadjusted', async () => {
    await expect(loadFactorFiles(folder, ['AAPL'])).resolves.toEqual(new Map());
  });
});
