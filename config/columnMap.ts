import { z } from 'zod';
import { TimeZoneText } from './common.js';

const columnName = z.string().trim().min(1);

/** Which file column holds each bar field; every key is optional because common names are recognised. */
const ColumnsSchema = z
  .strictObject({
    ticker: columnName.optional().describe('Column holding the ticker symbol (default: symbol or ticker)'),
    ts: columnName
      .optional()
      .describe('Column holding the full timestamp (default: ts, ts_et, datetime, timestamp, or date plus time)'),
    date: columnName.optional().describe('Column holding only the date, combined with `time` when there is no `ts`'),
    time: columnName.optional().describe('Column holding only the time of day, combined with `date`'),
    open: columnName.optional().describe('Column holding the opening price (default: open or o)'),
    high: columnName.optional().describe('Column holding the highest price (default: high or h)'),
    low: columnName.optional().describe('Column holding the lowest price (default: low or l)'),
    close: columnName.optional().describe('Column holding the closing price (default: close or c)'),
    volume: columnName
      .optional()
      .describe('Column holding the traded volume (default: volume or v; absent means unknown)'),
    source: columnName.optional().describe('Column whose value `synthetic` labels generated data (default: source)'),
  })
  .describe('File column name per bar field');

/** How timestamps without an explicit offset are read. */
const TimestampsSchema = z
  .strictObject({
    convention: z
      .enum(['bar_start', 'bar_end'])
      .default('bar_start')
      .describe('Whether a timestamp marks the start or the end of its bar'),
    timezone: TimeZoneText.default('America/New_York').describe(
      'IANA time zone of naive timestamps (those without Z or an offset)',
    ),
  })
  .describe('Timestamp convention and time zone');

/** A column-mapping file (`--map columns.yaml`) for CSV and Parquet bar files. */
export const ColumnMapSchema = z
  .strictObject({
    columns: ColumnsSchema.default({}),
    timestamps: TimestampsSchema.default({ convention: 'bar_start', timezone: 'America/New_York' }),
    bar: z
      .string()
      .trim()
      .regex(/^\d+(s|m|h|d)$/, 'a bar size such as 30s, 1m, 5m, 1h or 1d')
      .optional()
      .describe('Bar size such as 1m or 5m; inferred per ticker from the most common spacing when absent'),
    ticker: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('Ticker of every row, for single-ticker files that have no ticker column'),
    delimiter: z.enum([',', ';', '\t', '|']).optional().describe('CSV field delimiter (default: comma)'),
  })
  .describe('Column mapping and timestamp conventions of a bar file');

/** Parsed column-mapping file. */
export type ColumnMap = z.infer<typeof ColumnMapSchema>;
