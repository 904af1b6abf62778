import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadColumnMap } from './loadColumnMap.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'intraday-map-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function mapFile(text: string): Promise<string> {
  const path = join(folder, 'columns.yaml');
  await writeFile(path, text);
  return path;
}

describe('loadColumnMap', () => {
  it('reads a full map and fills defaults', async () => {
    const path = await mapFile(
      'columns: {ticker: Symbol, ts: Time, open: O}\ntimestamps: {convention: bar_end}\nbar: 1m\n',
    );

    const map = await loadColumnMap(path);

    expect(map).toEqual({
      columns: { ticker: 'Symbol', ts: 'Time', open: 'O' },
      timestamps: { convention: 'bar_end', timezone: 'America/New_York' },
      bar: '1m',
    });
  });

  it('reports every problem at once with its key path and value', async () => {
    const path = await mapFile('columns: {ticker: Symbol, price: P}\ntimestamps: {convention: end}\nbar: 5 minutes\n');

    const failure = loadColumnMap(path);

    await expect(failure).rejects.toMatchObject({ code: 'INVALID_COLUMN_MAP' });
    const error = (await failure.catch((caught: unknown) => caught)) as { problems: string[] };
    // The file, the line, the key, what was expected and what was found, as for the other configuration files.
    expect(error.problems).toEqual([
      `${path}:1: columns.price is not a known key (expected one of: ticker, ts, date, time, open, high, low, close, volume, source)`,
      `${path}:2: timestamps.convention must be one of "bar_start", "bar_end", was "end"`,
      `${path}:3: bar must be a bar size such as 30s, 1m, 5m, 1h or 1d, was "5 minutes"`,
    ]);
  });

  it('names the map file when its time zone does not exist', async () => {
    const path = await mapFile('timestamps: {timezone: Mars/Olympus}\n');

    const failure = loadColumnMap(path);

    await expect(failure).rejects.toMatchObject({
      code: 'INVALID_COLUMN_MAP',
      message: `${path}:1: timestamps.timezone must be an IANA time zone such as America/New_York or UTC, was "Mars/Olympus"`,
    });
  });
});
