import { FeedbackInvalidRowError, FeedbackUnknownTableError, isFeedbackTable } from '../../core/feedback/index.js';
import type { ColumnSpec, TableSpec } from './tableSpecs.js';
import { TABLE_SPECS } from './tableSpecs.js';

/** Earliest and latest timestamps accepted: 1970 to 2200, in UTC ms (a guard against seconds-for-ms mix-ups). */
const MIN_TS = 0;
const MAX_TS = 7_258_118_400_000;

/** The spec of a table by name; throws FeedbackUnknownTableError for any other name (names arrive as text). */
export function tableSpec(table: string): TableSpec {
  if (!isFeedbackTable(table)) throw new FeedbackUnknownTableError(table);
  return TABLE_SPECS[table];
}

/**
 * Checks every row against its table before anything is written, so a bad batch fails as a whole with the table,
 * row (0-based) and column named, instead of half-way through a COPY.
 */
export function checkRows(spec: TableSpec, rows: readonly object[]): void {
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as Record<string, unknown> | null;
    if (typeof row !== 'object' || row === null) {
      throw new FeedbackInvalidRowError(spec.name, index, '*', 'an object', row);
    }
    for (const column of spec.columns) checkValue(spec, index, column, row[column.field]);
  }
}

function checkValue(spec: TableSpec, index: number, column: ColumnSpec, value: unknown): void {
  const fail = (expected: string): never => {
    throw new FeedbackInvalidRowError(spec.name, index, column.column, expected, value);
  };
  if (value === null || value === undefined) {
    if (column.nullable) return;
    fail(`a value (${column.column} is required)`);
  }
  switch (column.kind) {
    case 'text':
      if (typeof value !== 'string') return fail('text');
      if (column.values && !column.values.includes(value)) return fail(`one of ${column.values.join(', ')}`);
      if (column.maxLength !== undefined && value.length > column.maxLength) {
        return fail(`at most ${column.maxLength} characters`);
      }
      // PostgreSQL text cannot hold the NUL character.
      if (value.includes('\u0000')) return fail('text without NUL characters');
      return;
    case 'integer':
    case 'bigint': {
      const whole = column.kind === 'bigint' ? 'a whole number of micro-dollars' : 'a whole number';
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return fail(`${whole} (a safe integer)`);
      return checkRange(column, value, fail);
    }
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('a finite number');
      return checkRange(column, value, fail);
    case 'timestamptz':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_TS || value > MAX_TS) {
        return fail('UTC epoch milliseconds between 1970 and 2200');
      }
      return;
    case 'jsonb':
      // The size limit is checked where the JSON text is made (encodeRows.ts), so it is serialised only once.
      if (typeof value !== 'object' || Array.isArray(value)) fail('an object');
      return;
  }
}

function checkRange(column: ColumnSpec, value: number, fail: (expected: string) => never): void {
  const min = column.min ?? Number.MIN_SAFE_INTEGER;
  const max = column.max ?? Number.MAX_SAFE_INTEGER;
  if (value < min || value > max) fail(`a number from ${min} to ${max}`);
}
