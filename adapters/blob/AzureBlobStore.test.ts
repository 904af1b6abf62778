import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../core/storage/blobStore.js';
import type { Azurite } from '../../tests/support/azurite.js';
import { startAzurite } from '../../tests/support/azurite.js';
import { describeBlobStoreContract } from './blobStoreContract.js';
import { openBlobStore } from './openBlobStore.js';

// The real Azurite emulator (npm), started here on a free loopback port and stopped afterwards.
let azurite: Azurite;
let store: BlobStore;

beforeAll(async () => {
  azurite = await startAzurite();
  store = await openBlobStore({ kind: 'azure', container: 'contract' }, '/nonexistent-data-dir', {
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
  });
});

afterAll(async () => {
  await azurite?.stop();
});

describeBlobStoreContract('AzureBlobStore on Azurite', () => store);

describe('openBlobStore with kind azure', () => {
  it('uses the connection string from the environment over account_url and creates the container', async () => {
    const opened = await openBlobStore(
      { kind: 'azure', container: 'fresh-container', account_url: 'https://unused.invalid' },
      '/nonexistent-data-dir',
      { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString },
    );
    await opened.put('k', 'v');

    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    expect(opened.kind).toBe('azure');
    expect(await service.getContainerClient('fresh-container').exists(), 'the container was created').toBe(true);
    expect(await service.getContainerClient('fresh-container').getBlobClient('k').exists()).toBe(true);
  });
});
