// long-file-ok: the malformed-input catalogue of the issue, one case per reason, kept together so the list is reviewable in one place
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadBarsOptions, LoadBarsResult } from './loadBars.js';
import { loadBars } from './loadBars.js';
import { parseColumnMap } from './loadColumnMap.js';

const HEADER = 'symbol,ts_et,open,high,low,close,volume';
const GOOD = [
  'AAPL,2025-06-02 09:30:00,200,201,199,200.5,1000',
  'AAPL,2025-06-02 09:35:00,200.5,202,200,201,1100',
  'AAPL,2025-06-02 09:40:00,201,201.5,200.5,201.2,900',
];

let folder: string;
let counter = 0;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'intraday-malformed-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function loadText(
  text: string | Uint8Array,
  options: LoadBarsOptions = {},
  name = 'bars.csv',
): Promise<LoadBarsResult> {
  counter += 1;
  const path = join(folder, `${counter}-${name}`);
  await writeFile(path, text);
  return loadBars(path, options);
}

function csv(...lines: string[]): string {
  return `${[HEADER, ...lines].join('\n')}\n`;
}

/** Every row is accounted for: kept rows plus quarantined rows equal the rows read. */
function expectBalanced(result: LoadBarsResult, dataRows: number): void {
  const kept = result.bars.batches.reduce((sum, batch) => sum + batch.length, 0);
  expect(result.quarantine.rowsIn, 'rows in counts every data row').toBe(dataRows);
  expect(result.quarantine.rowsOut + result.quarantine.rows.length, 'rows in = rows out + quarantined').toBe(dataRows);
  expect(kept, 'rows out are the bars returned').toBe(result.quarantine.rowsOut);
}

describe('malformed CSV input', () => {
  it('quarantines a bar whose high is below its low', async () => {
    const result = await loadText(csv(...GOOD, 'AAPL,2025-06-02 09:45:00,10,9,9.5,9.6,100'));

    expectBalanced(result, 4);
    expect(result.quarantine.counts).toEqual({ HIGH_BELOW_LOW: 1 });
    expect(result.quarantine.rows[0]).toMatchObject({
      line: 5,
      ticker: 'AAPL',
      reason: 'HIGH_BELOW_LOW',
      detail: 'high 9 is below low 9.5',
      raw: 'AAPL,2025-06-02 09:45:00,10,9,9.5,9.6,100',
    });
  });

  it('quarantines zero and negative prices', async () => {
    const result = await loadText(
      csv(...GOOD, 'AAPL,2025-06-02 09:45:00,0,1,0,1,100', 'AAPL,2025-06-02 09:50:00,-1,1,-2,1,100'),
    );

    expectBalanced(result, 5);
    expect(result.quarantine.counts).toEqual({ NON_POSITIVE_PRICE: 2 });
    expect(result.quarantine.rows[0]!.detail).toBe('price must be positive: open=0, low=0');
  });

  it('quarantines non-numeric, NaN, empty and infinite prices', async () => {
    const result = await loadText(
      csv(
        ...GOOD,
        'AAPL,2025-06-02 09:45:00,201,202,200,abc,100',
        'AAPL,2025-06-02 09:50:00,NaN,202,200,201,100',
        'AAPL,2025-06-02 09:55:00,,202,200,201,100',
        'AAPL,2025-06-02 10:00:00,201,Infinity,200,201,100',
      ),
    );

    expectBalanced(result, 7);
    expect(result.quarantine.counts).toEqual({ NOT_A_NUMBER: 4 });
    expect(result.quarantine.rows.map((row) => row.detail)).toEqual([
      'not a number: close "abc"',
      'not a number: open "NaN"',
      'not a number: open ""',
      'high not a finite number',
    ]);
  });

  it('keeps the first of two rows with the same timestamp and quarantines the second', async () => {
    const result = await loadText(csv(GOOD[0]!, GOOD[1]!, 'AAPL,2025-06-02 09:35:00,300,300,300,300,1', GOOD[2]!));

    expectBalanced(result, 4);
    expect(result.quarantine.counts).toEqual({ DUPLICATE_TIMESTAMP: 1 });
    expect(result.quarantine.rows[0]!.detail).toBe('bar start 2025-06-02T13:35:00.000Z repeats line 3');
    expect(result.bars.batches[0]!.close[1], 'the first occurrence is kept').toBe(201);
  });

  it('recognises a repeated timestamp as a duplicate even when other rows came between', async () => {
    const result = await loadText(csv(...GOOD, 'AAPL,2025-06-02 09:35:00,300,300,300,300,1'));

    expect(result.quarantine.counts).toEqual({ DUPLICATE_TIMESTAMP: 1 });
  });

  it('quarantines a row earlier than the last kept row of its ticker', async () => {
    const result = await loadText(csv(...GOOD, 'AAPL,2025-06-02 09:32:00,200,201,199,200,10'));

    expectBalanced(result, 4);
    expect(result.quarantine.counts).toEqual({ OUT_OF_ORDER_TIMESTAMP: 1 });
    expect(result.quarantine.rows[0]!.detail).toBe(
      'bar start 2025-06-02T13:32:00.000Z is before 2025-06-02T13:40:00.000Z on line 4',
    );
  });

  it('quarantines tickers outside the universe and rows without a ticker', async () => {
    const result = await loadText(
      csv(...GOOD, 'ZZZZ,2025-06-02 09:30:00,1,1,1,1,1', ',2025-06-02 09:30:00,1,1,1,1,1'),
      { universe: ['AAPL', 'MSFT'] },
    );

    expectBalanced(result, 5);
    expect(result.quarantine.counts).toEqual({ UNKNOWN_TICKER: 1, MISSING_TICKER: 1 });
    expect(result.quarantine.rows[0]!.detail).toBe('ticker "ZZZZ" is not in the universe');
  });

  it('quarantines a short last line without a line end as truncated', async () => {
    const result = await loadText(`${HEADER}\n${GOOD.join('\n')}\nAAPL,2025-06-02 09:45:00,201,20`);

    expectBalanced(result, 4);
    expect(result.quarantine.counts).toEqual({ TRUNCATED_LINE: 1 });
    expect(result.quarantine.rows[0]!.detail).toBe(
      'expected 7 fields, found 4 on the last line, which has no line end',
    );
  });

  it('quarantines rows with too many or too few fields', async () => {
    const result = await loadText(
      csv(GOOD[0]!, 'AAPL,2025-06-02 09:35:00,200.5,202,200,201,1100,extra', 'AAPL,2025-06-02 09:40:00,201', GOOD[2]!),
    );

    expectBalanced(result, 4);
    expect(result.quarantine.counts).toEqual({ WRONG_FIELD_COUNT: 2 });
    expect(result.quarantine.rows.map((row) => row.detail)).toEqual([
      'expected 7 fields, found 8',
      'expected 7 fields, found 3',
    ]);
  });

  it('quarantines unparseable dates', async () => {
    const result = await loadText(
      csv(
        ...GOOD,
        'AAPL,2025-13-45 09:30:00,1,1,1,1,1',
        'AAPL,yesterday,1,1,1,1,1',
        'AAPL,2025-02-30 10:00:00,1,1,1,1,1',
      ),
    );

    expectBalanced(result, 6);
    expect(result.quarantine.counts).toEqual({ BAD_TIMESTAMP: 3 });
    expect(result.quarantine.rows[1]!.detail).toBe('timestamp "yesterday" is not a recognised date-time');
  });

  it('quarantines a wall-clock time skipped by the spring-forward change', async () => {
    const result = await loadText(
      csv(
        'AAPL,2025-03-09 01:30:00,1,1,1,1,1',
        'AAPL,2025-03-09 02:30:00,1,1,1,1,1',
        'AAPL,2025-03-09 03:30:00,1,1,1,1,1',
      ),
    );

    expectBalanced(result, 3);
    expect(result.quarantine.counts).toEqual({ NONEXISTENT_LOCAL_TIME: 1 });
    expect(result.quarantine.rows[0]!.detail).toBe(
      '2025-03-09 02:30:00 does not exist in America/New_York (skipped when daylight-saving time starts)',
    );
  });

  it('quarantines negative volume but accepts -1 and an empty cell as unknown', async () => {
    const result = await loadText(
      csv(
        GOOD[0]!,
        'AAPL,2025-06-02 09:35:00,200.5,202,200,201,-5',
        'AAPL,2025-06-02 09:40:00,201,201.5,200.5,201.2,-1',
        'AAPL,2025-06-02 09:45:00,201,201.5,200.5,201.2,',
      ),
    );

    expectBalanced(result, 4);
    expect(result.quarantine.counts).toEqual({ NEGATIVE_VOLUME: 1 });
    expect(Array.from(result.bars.batches[0]!.volume)).toEqual([1000, -1, -1]);
  });

  it('quarantines open or close outside the low-high range', async () => {
    const result = await loadText(
      csv(...GOOD, 'AAPL,2025-06-02 09:45:00,205,202,200,201,1', 'AAPL,2025-06-02 09:50:00,201,202,200,199,1'),
    );

    expectBalanced(result, 5);
    expect(result.quarantine.counts).toEqual({ OPEN_OUTSIDE_RANGE: 1, CLOSE_OUTSIDE_RANGE: 1 });
    expect(result.quarantine.rows[0]!.detail).toBe('open 205 is outside [200, 202]');
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const result = await loadText(`\uFEFF${csv(...GOOD)}`);

    expectBalanced(result, 3);
    expect(result.quarantine.rows).toEqual([]);
    expect(result.bars.batches[0]!.ticker).toBe('AAPL');
  });

  it('reads CRLF line endings', async () => {
    const result = await loadText(`${[HEADER, ...GOOD].join('\r\n')}\r\n`);

    expectBalanced(result, 3);
    expect(result.quarantine.rows).toEqual([]);
    expect(Array.from(result.bars.batches[0]!.volume)).toEqual([1000, 1100, 900]);
  });

  it('reads quoted fields', async () => {
    const result = await loadText(csv('"AAPL","2025-06-02 09:30:00","200","201","199","200.5","1000"'));

    expectBalanced(result, 1);
    expect(result.bars.batches[0]!.close[0]).toBe(200.5);
  });

  it('ignores blank lines, which hold no row', async () => {
    const result = await loadText(csv(GOOD[0]!, '', '   ', GOOD[1]!));

    expectBalanced(result, 2);
    expect(result.quarantine.rows).toEqual([]);
  });

  it('reads a semicolon file when the column map names the delimiter', async () => {
    const map = parseColumnMap('inline', { delimiter: ';' });

    const result = await loadText(`${[HEADER, ...GOOD].join('\n').replace(/,/g, ';')}\n`, { map });

    expectBalanced(result, 3);
  });
});

describe('whole-file problems', () => {
  it('names the missing column and lists the header found', async () => {
    const text = 'symbol,ts_et,open,high,close,volume\nAAPL,2025-06-02 09:30:00,1,1,1,1\n';

    const failure = loadText(text, {}, 'missing.csv');

    await expect(failure).rejects.toMatchObject({
      code: 'MISSING_COLUMN',
      name: 'MissingColumnError',
      message: expect.stringMatching(
        /missing\.csv: missing required column for low \(expected one of "low", "l"\); header found: "symbol", "ts_et", "open", "high", "close", "volume"$/,
      ),
    });
  });

  it('says when the header is one column that contains another delimiter', async () => {
    const failure = loadText(`${[HEADER, ...GOOD].join('\n').replace(/,/g, ';')}\n`, {}, 'semicolon.csv');

    await expect(failure).rejects.toMatchObject({
      code: 'WRONG_DELIMITER',
      message: expect.stringContaining(
        'semicolon.csv: expected fields separated by ",", found a header of one column that contains ";"',
      ),
    });
  });

  it('says when the header is one column that contains a tab', async () => {
    const failure = loadText(`${[HEADER, ...GOOD].join('\n').replace(/,/g, '\t')}\n`);

    await expect(failure).rejects.toMatchObject({ code: 'WRONG_DELIMITER', message: expect.stringContaining('"\\t"') });
  });

  it('refuses an empty file and a file of blank lines', async () => {
    await expect(loadText('', {}, 'empty.csv')).rejects.toMatchObject({
      code: 'EMPTY_FILE',
      message: expect.stringMatching(/empty\.csv: expected a header line and bars, found an empty file$/),
    });
    await expect(loadText('\n  \n\n')).rejects.toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('refuses a file with a header and no rows', async () => {
    await expect(loadText(`${HEADER}\n`, {}, 'header-only.csv')).rejects.toMatchObject({
      code: 'NO_ROWS',
      message: expect.stringContaining('header-only.csv: expected bars after the header, found no data rows'),
    });
  });

  it('refuses a file whose first line is data', async () => {
    await expect(loadText(`${GOOD.join('\n')}\n`, {}, 'headless.csv')).rejects.toMatchObject({
      code: 'NO_HEADER',
      message: expect.stringContaining('headless.csv: expected a header line of column names, found data on line 1'),
    });
  });

  it('refuses an unknown extension and an absent file', async () => {
    await expect(loadText(csv(...GOOD), {}, 'bars.json')).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    await expect(loadBars(join(folder, 'absent.csv'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('refuses bar-end timestamps when no bar size can be inferred', async () => {
    const map = parseColumnMap('inline', { timestamps: { convention: 'bar_end' } });

    await expect(loadText(csv(GOOD[0]!), { map })).rejects.toMatchObject({ code: 'BAR_SIZE_UNKNOWN' });
  });
});
