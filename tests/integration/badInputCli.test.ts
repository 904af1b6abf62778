import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intraday } from '../support/runCli.js';
import { REPO_ROOT } from '../support/sharedData.js';

// Bad input from the user's side, through the compiled CLI: each case must end with exit code 1, one message that
// names the input and what was expected, no stack trace, and no output file that looks complete.

const dir = mkdtempSync(join(tmpdir(), 'intraday-bad-input-'));
const bars = join(dir, 'bars.csv');
const env = { INTRADAY_DATA_DIR: join(dir, 'data'), TEMPORAL_ADDRESS: '' };

/** No JavaScript or Python stack trace in what the user sees. */
function expectNoTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|Traceback \(most recent call last\)|File ".+", line \d+/);
}

beforeAll(async () => {
  const generated = await intraday(
    ['data', 'generate', '--tickers', 'AAA,BBB', '--start', '2024-03-04', '--end', '2024-03-05', '--out', bars],
    env,
  );
  expect(generated.code, generated.err).toBe(0);
  // Two bad rows of 312 (0.6%): under the default 5% limit, above a limit of 0.5%.
  const lines = readFileSync(bars, 'utf8').trim().split('\n');
  lines[3] = lines[3]!.replace(/,[\d.]+,([\d.]+),([\d.]+),/, ',-1,$1,$2,');
  lines[4] = `${lines[4]},extra`;
  writeFileSync(join(dir, 'two-bad.csv'), `${lines.join('\n')}\n`);
  // A signal for every bar of the clean file.
  const rows = readFileSync(bars, 'utf8').trim().split('\n').slice(1);
  writeFileSync(
    join(dir, 'all-signals.csv'),
    `ticker,ts,signal,confidence\n${rows.map((row) => `${row.split(',').slice(0, 2).join(',')},0.5,0.8`).join('\n')}\n`,
  );
});

describe('a quarantine limit that is not a percentage', () => {
  it.each(['abc', '-1', '101'])(
    'features compute refuses --max-quarantine-pct %s before writing anything',
    async (value) => {
      const out = join(dir, `features-${value}.csv`);

      const result = await intraday(
        ['features', 'compute', '--data', join(dir, 'two-bad.csv'), '--out', out, '--max-quarantine-pct', value],
        env,
      );

      expect(result.code).toBe(1);
      expect(result.err.trim()).toBe(`--max-quarantine-pct must be a number from 0 to 100, was "${value}"`);
      expect(existsSync(out)).toBe(false);
    },
  );

  it('store put checks the dataset name before it writes a quarantine file named after it', async () => {
    const result = await intraday(['store', 'put', '--dataset', '../escape', '--data', join(dir, 'two-bad.csv')], env);

    expect(result.code).toBe(1);
    expect(result.err).toContain('invalid dataset name "../escape"');
    expect(existsSync(join(dir, 'data', 'escape'))).toBe(false);
  });

  it('store put refuses --max-quarantine-pct abc and stores nothing', async () => {
    const result = await intraday(
      ['store', 'put', '--dataset', 'limits', '--data', join(dir, 'two-bad.csv'), '--max-quarantine-pct', 'abc'],
      env,
    );

    expect(result.code).toBe(1);
    expect(result.err.trim()).toBe('--max-quarantine-pct must be a number from 0 to 100, was "abc"');
    expect(existsSync(join(dir, 'data', 'blobs', 'datasets', 'limits'))).toBe(false);
    expect(existsSync(join(dir, 'data', 'quarantine', 'limits'))).toBe(false);
  });
});

describe('a quarantine file from an earlier run', () => {
  it('is removed when the same output is written again with nothing quarantined, so it cannot pass for this run', async () => {
    const out = join(dir, 'rerun.csv');
    const args = ['features', 'compute', '--out', out, '--features', 'sma_5', '--targets', 'none', '--data'];

    const first = await intraday([...args, join(dir, 'two-bad.csv')], env);
    const keptAfterFirst = existsSync(join(dir, 'rerun.quarantine.csv'));
    const second = await intraday([...args, bars], env);

    expect(first.code, first.err).toBe(0);
    expect(keptAfterFirst).toBe(true);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain('rows quarantined: 0');
    expect(existsSync(join(dir, 'rerun.quarantine.csv'))).toBe(false);
  });
});

describe('files that are not what they claim', () => {
  it('features compute names a .parquet file that is not Parquet, without the SQL', async () => {
    const fake = join(dir, 'fake.parquet');
    writeFileSync(fake, readFileSync(bars));

    const result = await intraday(['features', 'compute', '--data', fake, '--out', join(dir, 'fake-out.csv')], env);

    expect(result.code).toBe(1);
    expect(result.err).toContain(`${fake}: cannot read the file (`);
    expect(result.err).not.toMatch(/SELECT|LINE 1/);
  });

  it('features compute refuses an --adjust folder that does not exist', async () => {
    const out = join(dir, 'adjusted.csv');
    const missing = join(dir, 'no-factors');

    const result = await intraday(['features', 'compute', '--data', bars, '--out', out, '--adjust', missing], env);

    expect(result.code).toBe(1);
    expect(result.err).toContain(`${missing}: cannot read the file (expected a folder of LEAN factor files;`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a signals file whose timestamps match no bar', () => {
  it('stops with exit code 1 and an example instead of writing a backtest of nothing', async () => {
    const signals = join(dir, 'shifted-signals.csv');
    // One minute late: every signal falls between two 5-minute bars.
    writeFileSync(
      signals,
      'ticker,ts,signal,confidence\nAAA,2024-03-04T14:31:00Z,0.5,0.8\nBBB,2024-03-04T14:36:00Z,0.5,0.8\n',
    );
    const out = join(dir, 'shifted.json');

    const result = await intraday(['backtest', '--data', bars, '--signals', signals, '--json', out], env);

    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `${signals}: none of its 2 rows matches a bar of ${bars} (2 match no bar, 0 out of range); ` +
        'first: line 2: AAA 2024-03-04T14:31:00Z matches no bar',
    );
    expect(result.err).toContain('--map');
    expect(existsSync(out)).toBe(false);
    // Nothing is lost even when the run stops: both rows are kept with their reason.
    const kept = readFileSync(join(dir, 'shifted.signals-quarantine.csv'), 'utf8').trim().split('\n');
    expect(kept.slice(1).map((row) => row.split(',').slice(0, 3).join(','))).toEqual([
      '2,AAA,NO_MATCHING_BAR',
      '3,BBB,NO_MATCHING_BAR',
    ]);
  });

  it('stops the same way for a signals file with a header and no rows', async () => {
    const signals = join(dir, 'header-only.csv');
    writeFileSync(signals, 'ticker,ts,signal,confidence\n');

    const result = await intraday(
      ['backtest', '--data', bars, '--signals', signals, '--json', join(dir, 'e.json')],
      env,
    );

    expect(result.code).toBe(1);
    expect(result.err).toContain(`${signals}: expected signals after the header, found no rows`);
    expect(existsSync(join(dir, 'e.json'))).toBe(false);
  });
});

describe('bad bar rows under a backtest', () => {
  it('prints the reasons, keeps every quarantined row beside the --json output, and counts them', async () => {
    const signals = join(dir, 'all-signals.csv');
    const out = join(dir, 'two-bad.json');

    const result = await intraday(
      ['backtest', '--data', join(dir, 'two-bad.csv'), '--signals', signals, '--json', out],
      env,
    );

    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('bars: 310 of 312 rows (2 quarantined)');
    expect(result.out).toContain('  NON_POSITIVE_PRICE: 1\n  WRONG_FIELD_COUNT: 1\n');
    const kept = readFileSync(join(dir, 'two-bad.quarantine.csv'), 'utf8').trim().split('\n');
    expect(kept).toHaveLength(3);
    expect(kept[1]).toMatch(/^4,AAA,NON_POSITIVE_PRICE,/);
    expect(kept[2]).toMatch(/^5,AAA,WRONG_FIELD_COUNT,/);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses to run when more bar rows than the limit were quarantined, and writes no result', async () => {
    const out = join(dir, 'strict.json');
    const signals = join(dir, 'all-signals.csv');

    const result = await intraday(
      [
        'backtest',
        '--data',
        join(dir, 'two-bad.csv'),
        '--signals',
        signals,
        '--json',
        out,
        '--max-quarantine-pct',
        '0.5',
      ],
      env,
    );

    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `${join(dir, 'two-bad.csv')}: 0.6% of rows were quarantined, above the limit of 0.5% (check the column map and ` +
        'timestamp convention, or raise --max-quarantine-pct); no output written',
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'strict.quarantine.csv'))).toBe(true);
  });
});

describe('model train and experiment inputs checked before anything starts', () => {
  it('model train names an --out that is an existing file instead of showing a Python traceback', async () => {
    const features = join(dir, 'features.csv');
    const made = await intraday(
      ['features', 'compute', '--data', bars, '--out', features, '--features', 'sma_5', '--targets', 'direction_5'],
      env,
    );
    expect(made.code, made.err).toBe(0);

    const result = await intraday(
      ['model', 'train', '--data', features, '--target', 'direction_5', '--model', 'lgbm_direction', '--out', bars],
      env,
    );

    expect(result.code).toBe(1);
    expect(result.err.trim()).toBe(`--out ${bars}: expected a folder for the model files, found a file`);
    expectNoTrace(result.err);
  });

  it('experiment run names a data.path that does not exist before starting Temporal', async () => {
    const file = join(dir, 'missing-data.yaml');
    const experiment = readFileSync(join(REPO_ROOT, 'config', 'experiments', 'sma_rsi_direction.yaml'), 'utf8');
    writeFileSync(file, experiment.replace('source: synthetic', `source: csv\n  path: ${join(dir, 'absent.csv')}`));

    const result = await intraday(['experiment', 'run', file], env);

    expect(result.code).toBe(1);
    expect(result.err.trim()).toBe(`${file}: data.path "${join(dir, 'absent.csv')}" is not a readable file`);
    expect(result.err).not.toContain('starting the embedded Temporal dev server');
    expectNoTrace(result.err);
  });

  it('experiment run on a data file without rows reports the failure in one line per log, without stack traces', async () => {
    const data = join(dir, 'header-only-bars.csv');
    writeFileSync(data, 'ticker,ts,open,high,low,close,volume\n');
    const file = join(dir, 'no-rows.yaml');
    const experiment = readFileSync(join(REPO_ROOT, 'config', 'experiments', 'sma_rsi_direction.yaml'), 'utf8');
    writeFileSync(file, experiment.replace('source: synthetic', `source: csv\n  path: ${data}`));

    const result = await intraday(['experiment', 'run', file], env);

    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /\[WARN\] Activity failed: ingestBars .*BadExperimentData.*expected bars after the header/,
    );
    expect(result.err).toMatch(
      /failed: ingestBars: data\.path ".*header-only-bars\.csv": .*expected bars after the header/,
    );
    expectNoTrace(result.err);
  });

  it('experiment list refuses a --limit that is not a whole number before starting Temporal', async () => {
    // Its own data folder: the embedded server would create temporal/ in it, whatever the other tests ran.
    const dataDir = join(dir, 'list-data');
    const result = await intraday(['experiment', 'list', '--limit', 'ten'], { ...env, INTRADAY_DATA_DIR: dataDir });

    expect(result.code).toBe(1);
    expect(result.err.trim()).toBe('--limit must be a whole number >= 1, was "ten"');
    expect(existsSync(join(dataDir, 'temporal'))).toBe(false);
  });
});

describe('a database that cannot be reached', () => {
  it('db migrate names the server it tried (password masked) and what to check', async () => {
    const result = await intraday(['db', 'migrate'], {
      ...env,
      INTRADAY_PG_URL: 'postgres://someone:secret@127.0.0.1:1/nowhere',
    });

    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'postgres postgres://someone:***@127.0.0.1:1/nowhere: cannot connect (connect ECONNREFUSED 127.0.0.1:1); ',
    );
    expect(result.err).toContain('INTRADAY_PG_URL');
    expect(result.err).not.toContain('secret');
    expectNoTrace(result.err);
  });
});
