import { RedisStoredValueError } from './errors.js';

/** One stream entry: its id (`<ms>-<seq>`, assigned by the server) and its fields. */
export interface StreamEntry {
  readonly id: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** Milliseconds part of an entry id (the server's clock when the entry was appended). */
export function entryTime(id: string): number {
  return Number(id.slice(0, id.indexOf('-')));
}

/** `[id, [field, value, ...]]` pairs from XREADGROUP, XAUTOCLAIM or XRANGE; a null field list marks a trimmed entry. */
export function parseEntries(key: string, raw: unknown): { entries: StreamEntry[]; trimmed: string[] } {
  const entries: StreamEntry[] = [];
  const trimmed: string[] = [];
  if (!Array.isArray(raw)) throw new RedisStoredValueError(key, `expected a list of stream entries, was ${typeof raw}`);
  for (const item of raw as unknown[]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string') {
      throw new RedisStoredValueError(key, `unexpected stream entry ${JSON.stringify(item)}`);
    }
    const [id, list] = item as [string, unknown];
    if (list === null) {
      trimmed.push(id);
      continue;
    }
    const values = list as string[];
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < values.length; i += 2) fields[values[i]!] = values[i + 1]!;
    entries.push({ id, fields });
  }
  return { entries, trimmed };
}

/** Orders stream ids (`<ms>-<seq>`) numerically. */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  return am !== bm ? (am < bm ? -1 : 1) : as === bs ? 0 : as < bs ? -1 : 1;
}
