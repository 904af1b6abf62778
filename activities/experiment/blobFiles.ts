import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import type { ExperimentDeps } from './deps.js';

/**
 * A local file holding the blob at `key`, for readers that need a path (DuckDB, onnxruntime): the file itself
 * when the store is a local folder, otherwise a download into the scratch folder named by the key's hash (so a
 * retried step reuses it).
 */
export async function localCopy(deps: ExperimentDeps, key: string): Promise<string> {
  if (deps.store instanceof LocalBlobStore) {
    // Reading through the store first turns a missing key into BlobNotFoundError rather than a DuckDB message.
    if (!(await deps.store.exists(key))) await deps.store.get(key);
    return deps.store.pathOf(key);
  }
  const name = createHash('sha256').update(key).digest('hex').slice(0, 24);
  const path = join(deps.scratchDir, 'downloads', `${name}-${key.split('/').pop() ?? 'blob'}`);
  await mkdir(join(deps.scratchDir, 'downloads'), { recursive: true });
  if (await stat(path).catch(() => null)) return path;
  // Written aside and renamed: two steps downloading the same key never read each other's half-written file.
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  await writeFile(partial, await deps.store.get(key));
  await rename(partial, path);
  return path;
}

/** Stores the file at `path` under `key` (the store writes atomically: a reader never sees half a file). */
export async function putFile(deps: ExperimentDeps, key: string, path: string): Promise<void> {
  await deps.store.put(key, await readFile(path));
}

/** A fresh scratch path for a file about to be written and then stored. */
export async function scratchPath(deps: ExperimentDeps, name: string): Promise<string> {
  const dir = join(deps.scratchDir, 'work');
  await mkdir(dir, { recursive: true });
  return join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
}

/** Reads a JSON blob. */
export async function getJson<T>(deps: ExperimentDeps, key: string): Promise<T> {
  return JSON.parse(Buffer.from(await deps.store.get(key)).toString('utf8')) as T;
}

/** Writes a JSON blob; NaN and infinities become null so every reader (Python included) can parse it. */
export async function putJson(deps: ExperimentDeps, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
  await deps.store.put(key, `${text}\n`);
}

/** A workflow id (any text, as typed in the Temporal UI) as one blob-key segment: unsafe characters become `_`. */
export function keySegment(text: string): string {
  return text.replace(/[^A-Za-z0-9_=.+-]/g, '_').replace(/^\.{1,2}$/, '_');
}
