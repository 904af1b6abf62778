import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTable } from '../data/index.js';
import { readFeatureFile, readFeatureHeader } from './readFeatureFile.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'feature-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csv = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readFeatureFile', () => {
  it('reads a CSV: UTC and New York wall times, empty cells as NaN, rows in file order', async () => {
    const path = csv(
      'f.csv',
      'ticker,ts,a,b\nAAPL,2025-06-02T13:30:00.000Z,1.5,\nMSFT,2025-06-02 09:35,,2\nAAPL,2025-06-02T13:35:00.000Z,-0.25,3\n',
    );

    const file = await readFeatureFile(path, ['b', 'a']);

    expect(file.frame.length).toBe(3);
    expect(Array.from(file.tickers.codes, (code) => file.tickers.names[code])).toEqual(['AAPL', 'MSFT', 'AAPL']);
    expect([...file.ts]).toEqual([
      Date.UTC(2025, 5, 2, 13, 30),
      Date.UTC(2025, 5, 2, 13, 35), // 09:35 New York (EDT, UTC-4)
      Date.UTC(2025, 5, 2, 13, 35),
    ]);
    expect([...file.frame.columns.get('a')!]).toEqual([1.5, Number.NaN, -0.25]);
    expect([...file.frame.columns.get('b')!]).toEqual([Number.NaN, 2, 3]);
    expect(file.header).toEqual(['ticker', 'ts', 'a', 'b']);
  });

  it('reads a Parquet file written by the project with its UTC timestamps and NULLs as NaN', async () => {
    const path = join(dir, 'f.parquet');
    await writeTable(path, {
      length: 2,
      columns: [
        { name: 'ticker', kind: 'string', values: ['AAPL', 'AAPL'] },
        {
          name: 'ts',
          kind: 'timestamp',
          values: new Float64Array([Date.UTC(2025, 5, 2, 13, 30), Date.UTC(2025, 5, 2, 13, 35)]),
        },
        { name: 'x', kind: 'number', values: new Float64Array([Number.NaN, 0.1 + 0.2]) },
      ],
      metadata: {},
    });

    const file = await readFeatureFile(path, ['x']);

    expect([...file.ts]).toEqual([Date.UTC(2025, 5, 2, 13, 30), Date.UTC(2025, 5, 2, 13, 35)]);
    expect([...file.frame.columns.get('x')!]).toEqual([Number.NaN, 0.30000000000000004]);
    expect(await readFeatureHeader(path)).toEqual(['ticker', 'ts', 'x']);
  });

  it('names every missing column and the file', async () => {
    const path = csv('g.csv', 'ticker,ts,a\nAAPL,2025-06-02T13:30:00Z,1\n');

    await expect(readFeatureFile(path, ['a', 'b', 'c'])).rejects.toMatchObject({
      code: 'FEATURE_COLUMN_MISSING',
      message: `${path}: missing feature columns "b", "c"; the columns were "ticker", "ts", "a"`,
    });
  });

  it('names the column when a cell is not a number', async () => {
    const path = csv('h.csv', 'ticker,ts,a\nAAPL,2025-06-02T13:30:00Z,abc\n');

    await expect(readFeatureFile(path, ['a'])).rejects.toMatchObject({
      code: 'FEATURE_FILE_INVALID',
      message: expect.stringContaining(`${path}: every feature column must hold numbers`),
    });
  });

  it('refuses a file without a ticker column', async () => {
    const path = csv('i.csv', 'ts,a\n2025-06-02T13:30:00Z,1\n');

    await expect(readFeatureFile(path, ['a'])).rejects.toMatchObject({ code: 'MISSING_COLUMN' });
  });
});
