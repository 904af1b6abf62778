import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intraday } from '../support/runCli.js';

// An output option that names an existing folder, through the compiled CLI: the command must stop before its work
// with the option and the path (exit code 1, no stack trace), not end after it with a bare EISDIR.

const dir = mkdtempSync(join(tmpdir(), 'intraday-output-folder-'));
const env = { INTRADAY_DATA_DIR: join(dir, 'data'), TEMPORAL_ADDRESS: '' };
const bars = join(dir, 'bars.csv');
const signals = join(dir, 'signals.csv');
writeFileSync(
  bars,
  'ticker,ts,open,high,low,close,volume\nAAA,2024-03-04 09:30:00,10,10.2,9.9,10.1,1000\n' +
    'AAA,2024-03-04 09:35:00,10.1,10.3,10,10.2,1000\n',
);
writeFileSync(signals, 'ticker,ts,signal,confidence\nAAA,2024-03-04 09:30:00,0.5,0.8\n');

describe('an output option that names a folder', () => {
  it.each([
    ['features', 'compute', '--data', bars, '--out'],
    ['backtest', '--data', bars, '--signals', signals, '--json'],
  ])('%s stops before the work with the option and the path, not a bare EISDIR', async (...command) => {
    const folder = join(dir, `folder-out-${command[0]}`);
    mkdirSync(folder, { recursive: true });

    const result = await intraday([...command, folder], env);

    expect(result.code).toBe(1);
    const example = `${folder}/out${command[0] === 'backtest' ? '.json' : '.parquet'}`;
    expect(result.err.trim()).toBe(`${command.at(-1)} ${folder} is a folder: name the file to write (e.g. ${example})`);
    expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readdirSync(folder), 'nothing written into it').toEqual([]);
  });
});
