import type { BlobServiceClient } from '@azure/storage-blob';
import { join } from 'node:path';
import type { SystemConfig } from '../../config/system.js';
import { AppError } from '../../core/AppError.js';
import type { BlobStore } from '../../core/storage/blobStore.js';
import { LocalBlobStore } from './LocalBlobStore.js';

/** The `blob` section of config/system.yaml. */
export type BlobSettings = SystemConfig['blob'];

/** The environment variables `openBlobStore` reads (passed in by the composition root). */
export interface BlobEnvironment {
  readonly AZURE_STORAGE_CONNECTION_STRING?: string | undefined;
}

/** The local store's folder, `<data dir>/blobs`: the Python worker applies the same rule. */
export function localBlobRoot(dataDir: string): string {
  return join(dataDir, 'blobs');
}

/**
 * Opens the configured blob store. `kind: local` (the default) is a folder, `<data dir>/blobs`. `kind: azure` uses
 * the container `settings.container`, reached through AZURE_STORAGE_CONNECTION_STRING when set (it wins), else
 * `settings.account_url` with DefaultAzureCredential (managed identity, workload identity, az login, ...). The
 * container is created when missing.
 */
export async function openBlobStore(
  settings: BlobSettings,
  dataDir: string,
  env: BlobEnvironment = process.env,
): Promise<BlobStore> {
  if (settings.kind === 'local') return new LocalBlobStore(localBlobRoot(dataDir));
  const connectionString = env.AZURE_STORAGE_CONNECTION_STRING;
  // The Azure libraries take seconds to load on a busy machine: only the azure kind pays for them.
  const { BlobServiceClient } = await import('@azure/storage-blob');
  const { AzureBlobStore } = await import('./AzureBlobStore.js');
  let service: BlobServiceClient;
  if (connectionString) {
    service = BlobServiceClient.fromConnectionString(connectionString);
  } else if (settings.account_url) {
    const { DefaultAzureCredential } = await import('@azure/identity');
    service = new BlobServiceClient(settings.account_url, new DefaultAzureCredential());
  } else {
    throw new AppError(
      'BLOB_SETTINGS_INCOMPLETE',
      'config/system.yaml: blob.kind is "azure" but neither AZURE_STORAGE_CONNECTION_STRING (environment) nor ' +
        'blob.account_url is set; set one of them, or use blob.kind "local"',
    );
  }
  const store = new AzureBlobStore(service.getContainerClient(settings.container));
  await store.ensureContainer();
  return store;
}
