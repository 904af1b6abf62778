import { FeedbackInvalidRowError } from '../../core/feedback/index.js';
import type { ColumnSpec, TableSpec } from './tableSpecs.js';

/** Rows per COPY text chunk: large enough to amortise stream overhead, small enough to keep memory flat. */
const CHUNK_ROWS = 10_000;
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Escapes a value for COPY's text format: backslash, tab, newline and carriage return. */
function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (char) =>
    char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r',
  );
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * Formats UTC ms as `YYYY-MM-DD HH:MM:SS.mmm+00`. The date text is cached per UTC day and the time of day is
 * built from digit tables: `toISOString` on every value was the largest cost of encoding a COPY.
 */
export function timestampFormatter(): (ms: number) => string {
  let dayStart = Number.NaN;
  let dayEnd = Number.NaN;
  let prefix = '';
  return (ms: number): string => {
    if (!(ms >= dayStart && ms < dayEnd)) {
      dayStart = Math.floor(ms / DAY) * DAY;
      dayEnd = dayStart + DAY;
      prefix = new Date(dayStart).toISOString().slice(0, 10) + ' ';
    }
    let rest = ms - dayStart;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / MINUTE);
    rest -= minutes * MINUTE;
    const seconds = Math.floor(rest / 1000);
    const millis = rest - seconds * 1000;
    return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[millis]}+00`;
  };
}

/** JSON text of a jsonb value, refused when longer than the column allows. JSON has no NaN: it becomes null. */
export function jsonText(table: string, row: number, column: ColumnSpec, value: unknown): string {
  const text = JSON.stringify(value);
  if (column.maxLength !== undefined && text.length > column.maxLength) {
    throw new FeedbackInvalidRowError(
      table,
      row,
      column.column,
      `at most ${column.maxLength} characters of JSON, had ${text.length}`,
      value,
    );
  }
  return text;
}

/** The row's values as parameters of a parameterised INSERT, in column order. */
export function sqlValues(spec: TableSpec, row: Record<string, unknown>, index: number): (string | number | null)[] {
  return spec.columns.map((column) => {
    const value = row[column.field];
    if (value === null || value === undefined) return null;
    if (column.kind === 'timestamptz') return new Date(value as number).toISOString();
    if (column.kind === 'jsonb') return jsonText(spec.name, index, column, value);
    return value as string | number;
  });
}

/** Encodes one column's value as COPY text (`\\N` for null); one closure per column, chosen once per batch. */
type ColumnEncoder = (value: unknown, row: number) => string;

function columnEncoder(spec: TableSpec, column: ColumnSpec): ColumnEncoder {
  const encode = valueEncoder(spec, column);
  if (column.kind === 'jsonb') return encode;
  // Consecutive rows often repeat a value (run id, model, the bar time of 500 tickers): reuse its text.
  let last: unknown = Symbol('none');
  let lastText = '';
  return (value, row) => {
    if (value !== last) {
      last = value;
      lastText = encode(value, row);
    }
    return lastText;
  };
}

function valueEncoder(spec: TableSpec, column: ColumnSpec): ColumnEncoder {
  switch (column.kind) {
    case 'timestamptz': {
      // One formatter per column: each column's times are mostly in order, so its day cache keeps hitting.
      const format = timestampFormatter();
      return (value) => (value === null || value === undefined ? '\\N' : format(value as number));
    }
    case 'text':
      return (value) => (value === null || value === undefined ? '\\N' : escapeText(value as string));
    case 'jsonb':
      return (value, row) =>
        value === null || value === undefined ? '\\N' : escapeText(jsonText(spec.name, row, column, value));
    default:
      return (value) => (value === null || value === undefined ? '\\N' : String(value));
  }
}

/**
 * Yields the rows in PostgreSQL's COPY text format (tab-separated, `\\N` for null), CHUNK_ROWS rows per string.
 * Lazy: a COPY stream pulls chunks as the server takes them, so encoding overlaps the server's parsing.
 */
export function* encodeCopyText(spec: TableSpec, rows: readonly object[]): Generator<string> {
  const fields = spec.columns.map((column) => column.field);
  const encoders = spec.columns.map((column) => columnEncoder(spec, column));
  const width = fields.length;
  // Pieces joined once per chunk: appending to one string built a rope of ~20 nodes per row, and flattening
  // and collecting those ropes cost more than the encoding itself.
  const parts: string[] = [];
  let inChunk = 0;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as Record<string, unknown>;
    for (let at = 0; at < width; at++) {
      parts.push(encoders[at]!(row[fields[at]!], index), at === width - 1 ? '\n' : '\t');
    }
    if (++inChunk === CHUNK_ROWS) {
      yield parts.join('');
      parts.length = 0;
      inChunk = 0;
    }
  }
  if (inChunk > 0) yield parts.join('');
}

/** Turns a database row back into the row type: timestamps to UTC ms, int8 (text or bigint) to numbers. */
export function decodeRow(spec: TableSpec, raw: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of spec.columns) {
    const value = raw[column.column];
    if (value === null || value === undefined) {
      row[column.field] = null;
    } else if (column.kind === 'timestamptz') {
      row[column.field] = value instanceof Date ? value.getTime() : new Date(value as string).getTime();
    } else if (column.kind === 'bigint' || column.kind === 'integer' || column.kind === 'double') {
      row[column.field] = Number(value);
    } else if (column.kind === 'jsonb' && typeof value === 'string') {
      row[column.field] = JSON.parse(value);
    } else {
      row[column.field] = value;
    }
  }
  return row;
}
