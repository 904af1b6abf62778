import duckdb from '@duckdb/node-bindings';
import type { Connection, DataChunk, Vector } from '@duckdb/node-bindings';
import { FileUnreadableError } from '../../core/data/errors.js';

// The one module that touches DuckDB's low-level vector functions (`@duckdb/node-bindings`, the version pinned by
// `@duckdb/node-api`). Reading vectors straight into typed arrays is about 3x faster than the public row API
// (reference/libraries.md), so everything else in the project goes through the small functions below.

/** DuckDB column type names as the C API reports them (`DOUBLE`, `TIMESTAMP`, `VARCHAR`, ...). */
export type DuckTypeName = keyof typeof duckdb.Type;

/** How a selected column is read into JavaScript. */
export type ColumnReadKind = 'double' | 'varchar' | 'boolean';

/** A VARCHAR column, dictionary-coded: `names[codes[i]]`; NULL is the empty text. */
export interface CodedStrings {
  readonly codes: Int32Array;
  readonly names: readonly string[];
}

/** Column of a query result as typed arrays: doubles (NULL as NaN), coded strings, or booleans (NULL as 0). */
export type ReadColumn = Float64Array | CodedStrings | Uint8Array;

/** An open in-memory DuckDB connection; close it with `closeDuck`. */
export interface DuckHandle {
  readonly connection: Connection;
  readonly close: () => void;
}

/** Opens an in-memory database and a connection with UTC as the session time zone. */
export async function openDuck(): Promise<DuckHandle> {
  const database = await duckdb.open(':memory:');
  const connection = await duckdb.connect(database);
  await duckdb.query(connection, "SET TimeZone = 'UTC'");
  return {
    connection,
    close: () => {
      duckdb.disconnect_sync(connection);
      duckdb.close_sync(database);
    },
  };
}

/** Runs a statement and discards its result. */
export async function runSql(connection: Connection, sql: string): Promise<void> {
  await duckdb.query(connection, sql);
}

/** Names and type names of a query's columns (runs the query with LIMIT 0). */
export async function describeColumns(
  connection: Connection,
  sql: string,
): Promise<{ name: string; type: DuckTypeName }[]> {
  const result = await duckdb.query(connection, `SELECT * FROM (${sql}) LIMIT 0`);
  const columns: { name: string; type: DuckTypeName }[] = [];
  for (let k = 0; k < duckdb.column_count(result); k++) {
    columns.push({
      name: duckdb.column_name(result, k),
      type: duckdb.Type[duckdb.column_type(result, k)] as DuckTypeName,
    });
  }
  return columns;
}

/**
 * `describeColumns` of a query that reads one file. DuckDB's error for a file it cannot read (not Parquet, cut short,
 * unreadable CSV) quotes the SQL with a caret under it; the user gets FILE_UNREADABLE naming the file and DuckDB's
 * first line instead.
 */
export async function describeFile(
  connection: Connection,
  sql: string,
  file: string,
): Promise<{ name: string; type: DuckTypeName }[]> {
  try {
    return await describeColumns(connection, sql);
  } catch (error) {
    const firstLine = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    throw new FileUnreadableError(file, new Error(firstLine));
  }
}

function invalidRows(vector: Vector, size: number): Uint8Array | null {
  const validity = duckdb.vector_get_validity(vector, Math.ceil(size / 64) * 8);
  if (!validity) return null;
  // Most vectors have a mask with every bit set; look at single rows only inside bytes that are not 0xff.
  let invalid: Uint8Array | null = null;
  const fullBytes = size >> 3;
  for (let byte = 0; byte <= fullBytes && byte < validity.length; byte++) {
    const bits = validity[byte]!;
    if (bits === 0xff) continue;
    for (let bit = 0; bit < 8; bit++) {
      const row = byte * 8 + bit;
      if (row < size && (bits & (1 << bit)) === 0) {
        invalid ??= new Uint8Array(size);
        invalid[row] = 1;
      }
    }
  }
  return invalid;
}

const decoder = new TextDecoder();

function readStrings(
  vector: Vector,
  size: number,
  into: Int32Array,
  at: number,
  lookup: (text: string) => number,
): void {
  const data = duckdb.vector_get_data(vector, size * 16);
  const words = new Uint32Array(data.buffer, data.byteOffset, size * 4);
  const invalid = invalidRows(vector, size);
  let previousCode = -1;
  let previousRow = -1;
  for (let row = 0; row < size; row++) {
    if (invalid?.[row]) {
      into[at + row] = lookup('');
      previousRow = -1;
      continue;
    }
    const w = row * 4;
    const length = words[w]!;
    // Strings of up to 12 bytes sit inline in their 16-byte slot: equal slots mean equal strings, so the common
    // case (rows grouped by ticker) costs four integer comparisons and no decoding.
    if (length <= 12) {
      const p = previousRow * 4;
      if (
        previousRow >= 0 &&
        words[p] === length &&
        words[p + 1] === words[w + 1] &&
        words[p + 2] === words[w + 2] &&
        words[p + 3] === words[w + 3]
      ) {
        into[at + row] = previousCode;
        continue;
      }
      previousCode = lookup(decoder.decode(data.subarray(row * 16 + 4, row * 16 + 4 + length)));
      previousRow = row;
    } else {
      const bytes = duckdb.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + row * 16 + 8, length);
      previousCode = lookup(decoder.decode(bytes));
      previousRow = -1;
    }
    into[at + row] = previousCode;
  }
}

function readChunkColumn(
  chunk: DataChunk,
  k: number,
  kind: ColumnReadKind,
  target: ReadColumn,
  at: number,
  lookup: (text: string) => number,
): void {
  const size = duckdb.data_chunk_get_size(chunk);
  const vector = duckdb.data_chunk_get_vector(chunk, k);
  if (kind === 'varchar') {
    readStrings(vector, size, (target as CodedStrings).codes, at, lookup);
    return;
  }
  const invalid = invalidRows(vector, size);
  if (kind === 'double') {
    const data = duckdb.vector_get_data(vector, size * 8);
    const values = target as Float64Array;
    values.set(new Float64Array(data.buffer, data.byteOffset, size), at);
    if (invalid) for (let row = 0; row < size; row++) if (invalid[row]) values[at + row] = Number.NaN;
    return;
  }
  const data = duckdb.vector_get_data(vector, size);
  const values = target as Uint8Array;
  values.set(data.subarray(0, size), at);
  if (invalid) for (let row = 0; row < size; row++) if (invalid[row]) values[at + row] = 0;
}

/**
 * Runs a query and reads its columns into typed arrays, chunk by chunk through `result_get_chunk`,
 * `data_chunk_get_vector` and `vector_get_data`. `kinds[k]` must match the SQL type of column k
 * (DOUBLE for 'double', VARCHAR for 'varchar', BOOLEAN for 'boolean'); cast in SQL to get there.
 */
export async function queryColumns(
  connection: Connection,
  sql: string,
  kinds: readonly ColumnReadKind[],
): Promise<{ length: number; columns: ReadColumn[] }> {
  const result = await duckdb.query(connection, sql);
  const length = duckdb.row_count(result);
  const dictionaries = kinds.map(() => ({ names: [] as string[], index: new Map<string, number>() }));
  const columns: ReadColumn[] = kinds.map((kind, k) =>
    kind === 'double'
      ? new Float64Array(length)
      : kind === 'boolean'
        ? new Uint8Array(length)
        : { codes: new Int32Array(length), names: dictionaries[k]!.names },
  );
  const lookups = dictionaries.map((dictionary) => (text: string): number => {
    let code = dictionary.index.get(text);
    if (code === undefined) {
      code = dictionary.names.length;
      dictionary.names.push(text);
      dictionary.index.set(text, code);
    }
    return code;
  });
  let at = 0;
  const chunkCount = duckdb.result_chunk_count(result);
  for (let c = 0; c < chunkCount; c++) {
    const chunk = duckdb.result_get_chunk(result, c);
    kinds.forEach((kind, k) => readChunkColumn(chunk, k, kind, columns[k]!, at, lookups[k]!));
    at += duckdb.data_chunk_get_size(chunk);
  }
  return { length, columns };
}

/** Quotes a SQL identifier. */
export const sqlIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** Quotes a SQL string literal. */
export const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** A fixed-width column to append: its typed array must match the table column's physical type. */
export type AppendColumn = Float64Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * Appends typed-array columns to an existing table through the appender, one data chunk of `vector_size()` rows at
 * a time, copying memory with `copy_data_to_vector`: bytes go in unchanged, so doubles are exact.
 */
export function appendColumns(
  connection: Connection,
  table: string,
  columns: readonly AppendColumn[],
  length: number,
): void {
  const appender = duckdb.appender_create(connection, null, table);
  try {
    const types = columns.map((_, k) => duckdb.appender_column_type(appender, k));
    const chunk = duckdb.create_data_chunk(types);
    const step = duckdb.vector_size();
    for (let start = 0; start < length; start += step) {
      const size = Math.min(step, length - start);
      duckdb.data_chunk_reset(chunk);
      columns.forEach((column, k) => {
        const width = column.BYTES_PER_ELEMENT;
        const vector = duckdb.data_chunk_get_vector(chunk, k);
        duckdb.copy_data_to_vector(
          vector,
          0,
          column.buffer as ArrayBuffer,
          column.byteOffset + start * width,
          size * width,
        );
      });
      duckdb.data_chunk_set_size(chunk, size);
      duckdb.append_data_chunk(appender, chunk);
    }
    duckdb.appender_flush_sync(appender);
  } finally {
    duckdb.appender_close_sync(appender);
  }
}
