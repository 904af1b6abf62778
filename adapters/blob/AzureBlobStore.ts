import type { ContainerClient } from '@azure/storage-blob';
import { RestError } from '@azure/storage-blob';
import { Readable } from 'node:stream';
import type { BlobInfo, BlobKey, BlobStore, PutOptions } from '../../core/storage/blobStore.js';
import { BlobExistsError, BlobNotFoundError, checkBlobKey } from '../../core/storage/blobStore.js';
import { checkBlobPrefix } from './checkBlobPrefix.js';
import { BlobWriteConflictError } from './errors.js';

/** Block size and parallel uploads for `putStream`: 8 MiB blocks, 4 in flight (at most 32 MiB buffered). */
const BLOCK_BYTES = 8 * 1024 * 1024;
const BLOCKS_IN_FLIGHT = 4;

/** `If-None-Match: *`: the service refuses the write when any blob exists at the key. */
const IF_ABSENT = { conditions: { ifNoneMatch: '*' } } as const;

/**
 * A blob store in one Azure Blob Storage container (or Azurite). Keys are blob names as they are. A put is one
 * Put Blob (small) or staged blocks plus one Put Block List (`putStream`); both make the new bytes visible at
 * once, so readers never see a torn blob, and of two concurrent writers the last commit wins whole. A commit
 * discards every uncommitted block of the blob, so a streamed put racing another writer of the same key may fail
 * with BlobWriteConflictError (the blob then holds the other writer's whole value). `ifAbsent` sends
 * `If-None-Match: *`, which the service checks atomically.
 */
export class AzureBlobStore implements BlobStore {
  readonly kind = 'azure' as const;
  readonly container: ContainerClient;

  constructor(container: ContainerClient) {
    this.container = container;
  }

  /** Creates the container when it is missing; an identity without that right may still use an existing one. */
  async ensureContainer(): Promise<void> {
    try {
      await this.container.createIfNotExists();
    } catch (error) {
      if (!(error instanceof RestError && error.statusCode === 403)) throw error;
    }
  }

  async put(key: BlobKey, data: Uint8Array | string, options?: PutOptions): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const client = this.container.getBlockBlobClient(checkBlobKey(key));
    try {
      await client.upload(bytes, bytes.byteLength, { ...conditions(options), ...headers(options) });
    } catch (error) {
      throw translate(error, key, options);
    }
  }

  async putStream(key: BlobKey, source: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<void> {
    const client = this.container.getBlockBlobClient(checkBlobKey(key));
    try {
      await client.uploadStream(Readable.from(source, { objectMode: false }), BLOCK_BYTES, BLOCKS_IN_FLIGHT, {
        ...conditions(options),
        ...headers(options),
      });
    } catch (error) {
      throw translate(error, key, options);
    }
  }

  async get(key: BlobKey): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this.getStream(key)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  getStream(key: BlobKey): AsyncIterable<Uint8Array> {
    const client = this.container.getBlobClient(checkBlobKey(key));
    return (async function* stream(): AsyncGenerator<Uint8Array> {
      let body: NodeJS.ReadableStream | undefined;
      try {
        body = (await client.download(0)).readableStreamBody;
      } catch (error) {
        throw translate(error, key);
      }
      if (!body) return;
      for await (const chunk of body) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    })();
  }

  async exists(key: BlobKey): Promise<boolean> {
    return this.container.getBlobClient(checkBlobKey(key)).exists();
  }

  async delete(key: BlobKey): Promise<boolean> {
    const result = await this.container.getBlobClient(checkBlobKey(key)).deleteIfExists();
    return result.succeeded;
  }

  async list(prefix: string): Promise<BlobInfo[]> {
    checkBlobPrefix(prefix);
    const found: BlobInfo[] = [];
    for await (const item of this.container.listBlobsFlat(prefix === '' ? {} : { prefix })) {
      found.push({
        key: item.name,
        size: item.properties.contentLength ?? 0,
        modified: item.properties.lastModified.toISOString(),
      });
    }
    // The service lists in name order already; sorting here keeps the contract independent of that.
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

function conditions(options: PutOptions | undefined): { conditions?: { ifNoneMatch: string } } {
  return options?.ifAbsent ? IF_ABSENT : {};
}

function headers(options: PutOptions | undefined): { blobHTTPHeaders?: { blobContentType: string } } {
  return options?.contentType ? { blobHTTPHeaders: { blobContentType: options.contentType } } : {};
}

/** Turns the service's answers into the core errors; anything else passes through unchanged. */
function translate(error: unknown, key: BlobKey, options?: PutOptions): unknown {
  if (!(error instanceof RestError)) return error;
  if (error.statusCode === 404 && error.code !== 'ContainerNotFound') return new BlobNotFoundError(key);
  // 409 BlobAlreadyExists answers Put Blob; 412 ConditionNotMet answers a conditional Put Block List.
  if (options?.ifAbsent && (error.statusCode === 409 || error.statusCode === 412)) return new BlobExistsError(key);
  if (error.code === 'InvalidBlockList') return new BlobWriteConflictError(key, { cause: error });
  return error;
}
