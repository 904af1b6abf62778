import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BlobKey, BlobStore } from '../../core/storage/blobStore.js';
import { BlobExistsError, BlobNotFoundError } from '../../core/storage/blobStore.js';
import { StoreLockTimeoutError } from './errors.js';

/** How long to wait for a lock and when a held lock counts as abandoned. */
export interface LockOptions {
  /** Give up after this long (default 120 s). */
  readonly timeoutMs?: number;
  /** A lock older than this is broken (default 120 s): appends hold one for well under a second per partition. */
  readonly staleMs?: number;
  /** Pause between attempts (default 25 ms). */
  readonly pollMs?: number;
}

interface LockRecord {
  readonly owner: string;
  readonly host: string;
  readonly pid: number;
  readonly acquired: string;
}

const describe = (record: LockRecord | null): string =>
  record ? `process ${record.pid} on ${record.host} since ${record.acquired}` : 'an unknown writer';

/** True when the holder is a process on this machine that no longer runs. */
function holderIsDead(record: LockRecord): boolean {
  if (record.host !== hostname()) return false;
  try {
    process.kill(record.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function readRecord(store: BlobStore, key: BlobKey): Promise<LockRecord | null | 'gone'> {
  try {
    return JSON.parse(Buffer.from(await store.get(key)).toString('utf8')) as LockRecord;
  } catch (error) {
    if (error instanceof BlobNotFoundError) return 'gone';
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/**
 * Runs `body` while holding a lock blob at `key`, created with `ifAbsent` so exactly one writer holds it. A lock
 * left by a crashed writer is broken when its process is gone (same host) or when it is older than `staleMs`.
 * Two writers that break the same stale lock at the same moment could both proceed; each partition write is still
 * atomic, so the store stays readable, and an append is idempotent, so retrying it repairs a lost one.
 */
export async function withBlobLock<T>(
  store: BlobStore,
  key: BlobKey,
  body: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const staleMs = options.staleMs ?? 120_000;
  const pollMs = options.pollMs ?? 25;
  const mine: LockRecord = {
    owner: randomBytes(8).toString('hex'),
    host: hostname(),
    pid: process.pid,
    acquired: new Date().toISOString(),
  };
  const started = performance.now();
  for (;;) {
    try {
      await store.put(key, JSON.stringify({ ...mine, acquired: new Date().toISOString() }), { ifAbsent: true });
      break;
    } catch (error) {
      if (!(error instanceof BlobExistsError)) throw error;
    }
    const record = await readRecord(store, key);
    if (record === 'gone') continue;
    const age = record ? Date.now() - Date.parse(record.acquired) : Number.POSITIVE_INFINITY;
    if ((record && holderIsDead(record)) || !(age < staleMs)) {
      await store.delete(key);
      continue;
    }
    if (performance.now() - started > timeoutMs) {
      throw new StoreLockTimeoutError(key, describe(record), performance.now() - started);
    }
    await sleep(pollMs);
  }
  try {
    return await body();
  } finally {
    // Release only our own lock: if it was broken as stale meanwhile, it belongs to someone else now.
    const record = await readRecord(store, key);
    if (record !== 'gone' && record?.owner === mine.owner) await store.delete(key);
  }
}
