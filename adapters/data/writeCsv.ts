import { open } from 'node:fs/promises';
import type { Table, TableColumn } from '../../core/data/Table.js';
import { writeAtomically } from './writeAtomically.js';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A number as the shortest text that reads back to the same double (`Number(text) === value`); NaN is empty. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

/** A UTC epoch-ms timestamp as ISO-8601 UTC with milliseconds (`2025-06-02T13:30:00.000Z`); NaN is empty. */
export function formatTimestamp(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

/** A text field, quoted (RFC 4180) only when it holds a comma, a quote, a line break or edge spaces. */
export function formatText(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatterFor(column: TableColumn): (row: number) => string {
  if (column.kind === 'string') return (row) => formatText(column.values[row] ?? '');
  if (column.kind === 'timestamp') return (row) => formatTimestamp(column.values[row]!);
  return (row) => formatNumber(column.values[row]!);
}

/**
 * Writes a table as CSV: a header of column names, `\n` line ends, numbers in shortest round-trip form, timestamps
 * in ISO-8601 UTC and NaN as an empty cell. The same table always gives the same bytes. Table metadata is not
 * written (CSV has no place for it). The file appears complete or not at all (`writeAtomically`).
 */
export async function writeCsv(path: string, table: Table): Promise<void> {
  await writeAtomically(path, (temporary) => writeCsvTo(temporary, table));
}

async function writeCsvTo(path: string, table: Table): Promise<void> {
  const formatters = table.columns.map(formatterFor);
  const handle = await open(path, 'w');
  try {
    let buffer = `${table.columns.map((column) => formatText(column.name)).join(',')}\n`;
    for (let row = 0; row < table.length; row++) {
      let line = formatters[0] ? formatters[0](row) : '';
      for (let k = 1; k < formatters.length; k++) line += `,${formatters[k]!(row)}`;
      buffer += `${line}\n`;
      if (buffer.length > 1 << 20) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    await handle.write(buffer);
  } finally {
    await handle.close();
  }
}
