import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../../core/data/Table.js';
import { writeAtomically } from './writeAtomically.js';
import { writeTable } from './writeTable.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'intraday-atomic-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const TABLE: Table = {
  length: 2,
  columns: [
    { name: 'ticker', kind: 'string', values: ['AAA', 'BBB'] },
    { name: 'close', kind: 'number', values: new Float64Array([1.5, 2.5]) },
  ],
  metadata: {},
};

describe('writeAtomically', () => {
  it('leaves an earlier file whole, and no temporary file, when the write fails part way', async () => {
    // A folder of its own: the tests run in shuffled order and the other one writes beside this one.
    const inner = await mkdtemp(join(folder, 'failed-'));
    const path = join(inner, 'out.csv');
    await writeFile(path, 'the earlier, complete file\n');

    await expect(
      writeAtomically(path, async (temporary) => {
        await writeFile(temporary, 'ticker,close\nAAA,');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');

    expect(await readFile(path, 'utf8')).toBe('the earlier, complete file\n');
    expect(await readdir(inner)).toEqual(['out.csv']);
  });

  it('puts CSV and Parquet in place under their own names, with nothing left beside them', async () => {
    const inner = await mkdtemp(join(folder, 'tables-'));
    await writeTable(join(inner, 'a.csv'), TABLE);
    await writeTable(join(inner, 'a.parquet'), TABLE);

    expect((await readdir(inner)).sort()).toEqual(['a.csv', 'a.parquet']);
    expect(await readFile(join(inner, 'a.csv'), 'utf8')).toBe('ticker,close\nAAA,1.5\nBBB,2.5\n');
    expect((await readFile(join(inner, 'a.parquet'))).subarray(0, 4).toString()).toBe('PAR1');
  });
});
