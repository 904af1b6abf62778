import { AppError } from '../../core/AppError.js';
import type { BlobKey } from '../../core/storage/blobStore.js';

/**
 * A streamed put to Azure lost a race: another writer committed the same key while this one was staging blocks,
 * and the service discards uncommitted blocks on every commit. The blob holds the other writer's whole value.
 */
export class BlobWriteConflictError extends AppError {
  readonly key: BlobKey;

  constructor(key: BlobKey, options?: { cause?: unknown }) {
    super(
      'BLOB_WRITE_CONFLICT',
      `another writer replaced the blob at key "${key}" while this streamed put was uploading; the blob holds ` +
        `the other writer's bytes, retry the put to store these`,
      options,
    );
    this.key = key;
  }
}
