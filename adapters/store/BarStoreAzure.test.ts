import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../core/storage/blobStore.js';
import type { Azurite } from '../../tests/support/azurite.js';
import { startAzurite } from '../../tests/support/azurite.js';
import { openBlobStore } from '../blob/openBlobStore.js';
import { BarStore } from './BarStore.js';
import { daysOf, hashesUnder, makeBars, reviseDay, rowsOf } from './storeTestKit.js';

// The bar store on Azure Blob Storage, here the real Azurite emulator (npm) started for this file.
let azurite: Azurite;
let blobs: BlobStore;

beforeAll(async () => {
  azurite = await startAzurite();
  blobs = await openBlobStore({ kind: 'azure', container: 'bars' }, '/nonexistent-data-dir', {
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
  });
});

afterAll(async () => {
  await azurite?.stop();
});

describe('BarStore on Azure Blob Storage (Azurite)', () => {
  it('round-trips, de-duplicates with the later bar winning, and rewrites nothing for the same input', async () => {
    const bars = makeBars(['AAPL', 'MSFT'], '2024-06-24', '2024-07-09');
    const revised = reviseDay(bars, '2024-07-01', 0.25);
    const store = new BarStore(blobs);

    await store.append('azure', daysOf(bars, '2024-06-24', '2024-07-02'));
    await store.append('azure', daysOf(revised, '2024-07-01', '2024-07-09'));
    const hashes = await hashesUnder(blobs, 'datasets/azure/');
    const again = await store.append('azure', daysOf(revised, '2024-07-01', '2024-07-09'));

    expect(rowsOf(await store.read('azure'))).toEqual(rowsOf(revised));
    expect(again).toMatchObject({ partitionsWritten: 0, added: 0, replaced: 0 });
    expect(await hashesUnder(blobs, 'datasets/azure/')).toEqual(hashes);
    expect(await blobs.list('locks/'), 'locks released').toEqual([]);
  });
});
