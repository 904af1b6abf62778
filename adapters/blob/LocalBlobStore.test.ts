import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBlobStoreContract } from './blobStoreContract.js';
import { LocalBlobStore } from './LocalBlobStore.js';
import { openBlobStore } from './openBlobStore.js';

let root = '';
let store: LocalBlobStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'local-blob-'));
  store = new LocalBlobStore(join(root, 'blobs'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describeBlobStoreContract('LocalBlobStore', () => store);

describe('LocalBlobStore layout', () => {
  it('keeps key a/b/c at <root>/a/b/c, the rule the Python worker follows', async () => {
    await store.put('layout/a/b/c', 'bytes');

    expect(await readFile(join(root, 'blobs', 'layout', 'a', 'b', 'c'), 'utf8')).toBe('bytes');
    expect(store.pathOf('layout/a/b/c')).toBe(join(root, 'blobs', 'layout', 'a', 'b', 'c'));
  });

  it('leaves no temporary file behind and never lists one left by a crash', async () => {
    await store.put('temp/k', 'value');
    await store.put('temp/k', 'value', {}).catch(() => undefined);
    await store.put('temp/k', 'other', { ifAbsent: true }).catch(() => undefined);
    // What a writer killed between write and rename leaves behind.
    await writeFile(join(root, 'blobs', 'temp', 'k#tmp-999-abc'), 'half');

    const files = await readdir(join(root, 'blobs', 'temp'));
    const listed = await store.list('temp/');

    expect(files.sort(), 'only the blob and the simulated crash leftover').toEqual(['k', 'k#tmp-999-abc']);
    expect(listed.map((info) => info.key)).toEqual(['temp/k']);
    expect(await store.get('temp/k').then((bytes) => Buffer.from(bytes).toString())).toBe('value');
  });

  it('refuses a key below an existing blob and a key that names a folder of blobs', async () => {
    await store.put('nest/file', 'x');
    await store.put('nest/folder/inner', 'y');

    await expect(store.put('nest/file/below', 'z')).rejects.toThrow(
      'invalid blob key "nest/file/below": a leading part of the key is already a blob, so it cannot be a folder',
    );
    await expect(store.put('nest/folder', 'z')).rejects.toMatchObject({ code: 'INVALID_BLOB_KEY' });
    await expect(store.get('nest/folder')).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
    expect(await store.exists('nest/folder')).toBe(false);
    expect(await store.delete('nest/folder')).toBe(false);
    expect(await store.exists('nest/folder/inner'), 'the blobs below are untouched').toBe(true);
  });
});

describe('openBlobStore', () => {
  it('opens the local store at <data dir>/blobs by default', async () => {
    const opened = await openBlobStore({ kind: 'local', container: 'intraday' }, root, {});

    expect(opened.kind).toBe('local');
    expect((opened as LocalBlobStore).root).toBe(join(root, 'blobs'));
  });

  it('refuses azure without a connection string or an account URL, naming both', async () => {
    await expect(openBlobStore({ kind: 'azure', container: 'intraday' }, root, {})).rejects.toMatchObject({
      code: 'BLOB_SETTINGS_INCOMPLETE',
      message: expect.stringContaining('neither AZURE_STORAGE_CONNECTION_STRING (environment) nor blob.account_url'),
    });
  });
});
