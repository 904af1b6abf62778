import type { ColumnMap } from '../../config/columnMap.js';
import { UnsupportedColumnTypeError } from '../../core/data/errors.js';
import { parseTimestamp } from '../../core/data/parseTimestamp.js';
import { QuarantineReason } from '../../core/data/Quarantine.js';
import type { RawBars, RowProblem } from '../../core/data/RawBars.js';
import { resolveColumns } from '../../core/data/resolveColumns.js';
import type { CodedStrings, ColumnReadKind, DuckTypeName } from './duckdb.js';
import { describeFile, openDuck, queryColumns, sqlIdentifier, sqlString } from './duckdb.js';

const NUMERIC = new Set<DuckTypeName>([
  'DOUBLE',
  'FLOAT',
  'DECIMAL',
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'UHUGEINT',
]);
const NAIVE_TIME = new Set<DuckTypeName>(['TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS', 'DATE']);
const TEXT = new Set<DuckTypeName>(['VARCHAR', 'ENUM']);
type TimeKind = 'wall' | 'utc' | 'epoch' | 'text';

/**
 * Reads a Parquet file into raw columns through DuckDB. SQL only projects and casts (numbers to DOUBLE,
 * TIMESTAMP to its wall-clock epoch ms, TIMESTAMPTZ to UTC epoch ms); the wall-clock to UTC conversion itself
 * happens once, in `validateBars`. Row order is the file's (DuckDB keeps insertion order), and `lineOf` gives
 * the 1-based row number. A NULL price is NaN (quarantined as NOT_A_NUMBER); a NULL volume is -1, unknown.
 */
export async function readParquetRaw(file: string, map?: ColumnMap): Promise<RawBars> {
  const duck = await openDuck();
  try {
    const from = `SELECT * FROM read_parquet(${sqlString(file)})`;
    const described = await describeFile(duck.connection, from, file);
    const layout = resolveColumns(
      file,
      described.map((column) => column.name),
      map,
    );
    const name = (index: number): string => sqlIdentifier(described[index]!.name);
    const typeOf = (index: number): DuckTypeName => described[index]!.type;
    const requireType = (index: number, allowed: ReadonlySet<DuckTypeName>, expected: string): void => {
      if (!allowed.has(typeOf(index))) {
        throw new UnsupportedColumnTypeError(file, described[index]!.name, expected, typeOf(index));
      }
    };

    const selects: string[] = [];
    const kinds: ColumnReadKind[] = [];
    const add = (sql: string, kind: ColumnReadKind): number => {
      selects.push(sql);
      kinds.push(kind);
      return selects.length - 1;
    };

    const tickerAt = layout.ticker >= 0 ? add(`CAST(${name(layout.ticker)} AS VARCHAR)`, 'varchar') : -1;
    let timeKind: TimeKind;
    let timeAt: number;
    if (layout.time >= 0) {
      timeKind = 'text';
      timeAt = add(`CAST(${name(layout.ts)} AS VARCHAR) || ' ' || CAST(${name(layout.time)} AS VARCHAR)`, 'varchar');
    } else if (NAIVE_TIME.has(typeOf(layout.ts))) {
      timeKind = 'wall';
      timeAt = add(`CAST(epoch_ms(CAST(${name(layout.ts)} AS TIMESTAMP)) AS DOUBLE)`, 'double');
    } else if (typeOf(layout.ts) === 'TIMESTAMP_TZ') {
      timeKind = 'utc';
      timeAt = add(`CAST(epoch_ms(${name(layout.ts)}) AS DOUBLE)`, 'double');
    } else if (NUMERIC.has(typeOf(layout.ts))) {
      timeKind = 'epoch';
      timeAt = add(`CAST(${name(layout.ts)} AS DOUBLE)`, 'double');
    } else {
      requireType(layout.ts, TEXT, 'a timestamp, a date-time text or epoch seconds or milliseconds');
      timeKind = 'text';
      timeAt = add(`CAST(${name(layout.ts)} AS VARCHAR)`, 'varchar');
    }
    const priceAt = (['open', 'high', 'low', 'close'] as const).map((field) => {
      requireType(layout[field], new Set([...NUMERIC, ...TEXT]), 'numeric');
      return add(`TRY_CAST(${name(layout[field])} AS DOUBLE)`, 'double');
    });
    let volumeAt = -1;
    if (layout.volume >= 0) {
      requireType(layout.volume, new Set([...NUMERIC, ...TEXT]), 'numeric');
      const column = name(layout.volume);
      volumeAt = TEXT.has(typeOf(layout.volume))
        ? add(
            `CASE WHEN ${column} IS NULL OR trim(CAST(${column} AS VARCHAR)) = '' THEN -1 ELSE TRY_CAST(${column} AS DOUBLE) END`,
            'double',
          )
        : add(`COALESCE(CAST(${column} AS DOUBLE), -1)`, 'double');
    }
    const sourceAt =
      layout.source >= 0
        ? add(`COALESCE(lower(trim(CAST(${name(layout.source)} AS VARCHAR))) = 'synthetic', false)`, 'boolean')
        : -1;

    const { length, columns } = await queryColumns(
      duck.connection,
      `SELECT ${selects.join(', ')} FROM (${from})`,
      kinds,
    );
    return toRawBars(
      length,
      columns,
      described.map((column) => column.name),
      { tickerAt, timeAt, timeKind, priceAt, volumeAt, sourceAt, fixedTicker: layout.fixedTicker },
    );
  } finally {
    duck.close();
  }
}

interface Positions {
  readonly tickerAt: number;
  readonly timeAt: number;
  readonly timeKind: TimeKind;
  readonly priceAt: readonly number[];
  readonly volumeAt: number;
  readonly sourceAt: number;
  readonly fixedTicker: string;
}

function toRawBars(
  length: number,
  columns: readonly (Float64Array | CodedStrings | Uint8Array)[],
  names: readonly string[],
  at: Positions,
): RawBars {
  const tickers: CodedStrings =
    at.tickerAt >= 0
      ? (columns[at.tickerAt] as CodedStrings)
      : { codes: new Int32Array(length), names: [at.fixedTicker] };
  const [open, high, low, close] = at.priceAt.map((k) => columns[k] as Float64Array) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const volume = at.volumeAt >= 0 ? (columns[at.volumeAt] as Float64Array) : new Float64Array(length).fill(-1);
  const problems = new Map<number, RowProblem>();
  let time: Float64Array;
  const timeIsWall = new Uint8Array(length);
  if (at.timeKind === 'text') {
    const texts = columns[at.timeAt] as CodedStrings;
    const parsed = texts.names.map((text) => parseTimestamp(text));
    time = new Float64Array(length);
    for (let i = 0; i < length; i++) {
      const value = parsed[texts.codes[i]!];
      time[i] = value ? value.ms : Number.NaN;
      timeIsWall[i] = value?.isWall ? 1 : 0;
      if (!value) {
        const text = JSON.stringify(texts.names[texts.codes[i]!]);
        problems.set(i, {
          reason: QuarantineReason.BAD_TIMESTAMP,
          detail: `timestamp ${text} is not a recognised date-time`,
        });
      }
    }
  } else {
    time = columns[at.timeAt] as Float64Array;
    if (at.timeKind === 'wall') timeIsWall.fill(1);
    // Epoch numbers below 1e11 are seconds (1e11 s is the year 5138); larger ones are milliseconds.
    if (at.timeKind === 'epoch') {
      for (let i = 0; i < length; i++) if (Math.abs(time[i]!) < 1e11) time[i] = time[i]! * 1000;
    }
  }
  const synthetic = at.sourceAt >= 0 && (columns[at.sourceAt] as Uint8Array).includes(1);
  const timeText = (i: number): string => {
    if (at.timeKind === 'text') {
      return (columns[at.timeAt] as CodedStrings).names[(columns[at.timeAt] as CodedStrings).codes[i]!]!;
    }
    if (Number.isNaN(time[i]!)) return '';
    const iso = new Date(time[i]!).toISOString();
    return timeIsWall[i] === 1 ? iso.slice(0, 23).replace('T', ' ') : iso;
  };
  return {
    length,
    columns: names,
    tickerNames: tickers.names,
    tickerCode: tickers.codes,
    time,
    timeIsWall,
    open,
    high,
    low,
    close,
    volume,
    problems,
    lineOf: (i) => i + 1,
    rawText: (i) =>
      [tickers.names[tickers.codes[i]!], timeText(i), open[i], high[i], low[i], close[i], volume[i]].join(','),
    synthetic,
  };
}
