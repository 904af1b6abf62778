import { AppError } from '../AppError.js';

/**
 * A blob key: a relative, slash-separated path such as `models/lgbm_direction/3/model.onnx`. Keys are the
 * references that travel between activities, workflows and the Python worker (never the bytes themselves);
 * every store maps them to its own location (a file under the local root, a blob in an Azure container).
 */
export type BlobKey = string;

/** What `list` returns for one blob. */
export interface BlobInfo {
  readonly key: BlobKey;
  readonly size: number;
  /** Last modification, ISO 8601 UTC. */
  readonly modified: string;
}

export interface PutOptions {
  /** Fail with BlobExistsError instead of replacing an existing blob. */
  readonly ifAbsent?: boolean;
  readonly contentType?: string;
}

/**
 * Put, get, list, exists, delete, and streaming for large objects. A put is atomic: a reader sees the old
 * bytes or the new bytes, never a torn blob, and a retried put of the same bytes is harmless.
 */
export interface BlobStore {
  readonly kind: 'local' | 'azure';
  put(key: BlobKey, data: Uint8Array | string, options?: PutOptions): Promise<void>;
  /** Throws BlobNotFoundError when the key is absent. */
  get(key: BlobKey): Promise<Uint8Array>;
  exists(key: BlobKey): Promise<boolean>;
  /** Every blob whose key starts with `prefix`, sorted by key. */
  list(prefix: string): Promise<BlobInfo[]>;
  /** True when something was deleted. */
  delete(key: BlobKey): Promise<boolean>;
  putStream(key: BlobKey, source: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<void>;
  /** Throws BlobNotFoundError (when iterated) if the key is absent. */
  getStream(key: BlobKey): AsyncIterable<Uint8Array>;
}

export class BlobNotFoundError extends AppError {
  readonly key: BlobKey;

  constructor(key: BlobKey) {
    super('BLOB_NOT_FOUND', `no blob at key "${key}"`);
    this.key = key;
  }
}

export class BlobExistsError extends AppError {
  readonly key: BlobKey;

  constructor(key: BlobKey) {
    super('BLOB_EXISTS', `a blob already exists at key "${key}" and the put asked for ifAbsent`);
    this.key = key;
  }
}

export class InvalidBlobKeyError extends AppError {
  constructor(key: string, reason: string) {
    super('INVALID_BLOB_KEY', `invalid blob key "${key}": ${reason}`);
  }
}

const SEGMENT = /^[A-Za-z0-9_=.+-]+$/;

/** Validates a key and returns it: relative, '/'-separated segments of [A-Za-z0-9_=.+-], no '.' or '..', <= 1024 chars. */
export function checkBlobKey(key: string): BlobKey {
  if (key.length === 0 || key.length > 1024) throw new InvalidBlobKeyError(key, 'length must be 1..1024');
  if (key.startsWith('/') || key.endsWith('/')) throw new InvalidBlobKeyError(key, 'no leading or trailing "/"');
  for (const segment of key.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new InvalidBlobKeyError(key, 'empty, "." and ".." segments are not allowed');
    }
    if (!SEGMENT.test(segment)) {
      throw new InvalidBlobKeyError(key, `segment "${segment}" has characters outside [A-Za-z0-9_=.+-]`);
    }
  }
  return key;
}
