import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../core/storage/blobStore.js';
import { BlobExistsError, BlobNotFoundError, InvalidBlobKeyError } from '../../core/storage/blobStore.js';
import { BlobWriteConflictError } from './errors.js';

// One behaviour contract that every BlobStore registers (STYLE.md section 7: families share one contract suite).
// Each test writes under its own prefix, so the tests can share one store and run in any order.

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let counter = 0;
const uniquePrefix = (name: string): string => `contract/${name}-${process.pid}-${++counter}`;

/** Deterministic pseudo-random chunks of uneven sizes (xorshift32), `total` bytes in all. */
async function* patternChunks(total: number, seed: number): AsyncGenerator<Uint8Array> {
  let state = seed >>> 0 || 1;
  let sent = 0;
  while (sent < total) {
    const size = Math.min(total - sent, 700_000 + (state % 500_000));
    const chunk = new Uint8Array(size);
    for (let i = 0; i < size; i += 4) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      chunk[i] = state & 0xff;
      if (i + 1 < size) chunk[i + 1] = (state >>> 8) & 0xff;
      if (i + 2 < size) chunk[i + 2] = (state >>> 16) & 0xff;
      if (i + 3 < size) chunk[i + 3] = (state >>> 24) & 0xff;
    }
    sent += size;
    yield chunk;
  }
}

async function hashOf(chunks: AsyncIterable<Uint8Array>): Promise<{ hash: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { hash: hash.digest('hex'), size };
}

/** Registers the BlobStore contract for one implementation; `store()` is called inside each test. */
export function describeBlobStoreContract(name: string, store: () => BlobStore): void {
  describe(`BlobStore contract: ${name}`, () => {
    it('round-trips binary bytes, text and an empty blob', async () => {
      const prefix = uniquePrefix('roundtrip');
      const binary = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256);

      await store().put(`${prefix}/binary.bin`, binary);
      await store().put(`${prefix}/text.txt`, 'héllo, wörld ✓\n');
      await store().put(`${prefix}/empty`, new Uint8Array(0));

      expect(sha256(await store().get(`${prefix}/binary.bin`)), 'every byte value survives').toBe(sha256(binary));
      expect(text(await store().get(`${prefix}/text.txt`)), 'text is stored as UTF-8').toBe('héllo, wörld ✓\n');
      expect((await store().get(`${prefix}/empty`)).byteLength, 'an empty blob is a blob').toBe(0);
      expect(await store().exists(`${prefix}/empty`)).toBe(true);
    });

    it('streams a 40 MB blob in and out unchanged', async () => {
      const key = `${uniquePrefix('large')}/big.bin`;
      const total = 40 * 1024 * 1024 + 123;
      const expected = await hashOf(patternChunks(total, 99));

      await store().putStream(key, patternChunks(total, 99));
      const streamed = await hashOf(store().getStream(key));
      const whole = await store().get(key);

      expect(streamed, 'getStream returns the bytes putStream was given').toEqual(expected);
      expect(whole.byteLength, 'get returns the whole blob').toBe(total);
      expect((await store().list(key))[0]?.size, 'list reports the size').toBe(total);
    });

    it('lists by prefix, sorted by key, with sizes and ISO times', async () => {
      const prefix = uniquePrefix('list');
      const keys = ['a/b/2', 'a/b/1', 'a/c', 'ab', 'b/x'];
      for (const key of keys) await store().put(`${prefix}/${key}`, key);

      const under = async (start: string): Promise<string[]> =>
        (await store().list(`${prefix}/${start}`)).map((info) => info.key.slice(prefix.length + 1));

      expect(await under('a/'), 'a folder prefix lists what is below it').toEqual(['a/b/1', 'a/b/2', 'a/c']);
      expect(await under('a'), 'a partial prefix matches any key that starts with it').toEqual([
        'a/b/1',
        'a/b/2',
        'a/c',
        'ab',
      ]);
      expect(await under('a/b/1'), 'a whole key lists itself').toEqual(['a/b/1']);
      expect(await under('zz'), 'nothing matches').toEqual([]);
      const all = await store().list(`${prefix}/`);
      expect(all.map((info) => info.size)).toEqual([5, 5, 3, 2, 3]);
      expect(all.every((info) => !Number.isNaN(Date.parse(info.modified)) && info.modified.endsWith('Z'))).toBe(true);
      const everything = (await store().list('')).map((info) => info.key);
      expect(everything, 'the empty prefix lists every blob').toEqual(expect.arrayContaining(all.map((i) => i.key)));
      expect(everything, 'sorted by key').toEqual([...everything].sort());
    });

    it('reports existence and deletes once', async () => {
      const key = `${uniquePrefix('delete')}/k`;
      await store().put(key, 'x');

      expect(await store().exists(key)).toBe(true);
      expect(await store().delete(key), 'the first delete removes the blob').toBe(true);
      expect(await store().exists(key)).toBe(false);
      expect(await store().delete(key), 'a second delete finds nothing').toBe(false);
      await expect(store().get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    });

    it('accepts a re-put of the same bytes and replaces different bytes', async () => {
      const prefix = uniquePrefix('reput');
      const key = `${prefix}/k`;

      await store().put(key, 'same');
      await store().put(key, 'same');
      expect(text(await store().get(key))).toBe('same');
      expect((await store().list(`${prefix}/`)).length, 'still one blob').toBe(1);
      await store().put(key, 'different', { contentType: 'text/plain' });
      expect(text(await store().get(key))).toBe('different');
    });

    it('refuses ifAbsent over an existing blob and keeps the old bytes', async () => {
      const key = `${uniquePrefix('ifabsent')}/k`;
      await store().put(key, 'first', { ifAbsent: true });

      const conflict = store().put(key, 'second', { ifAbsent: true });
      await expect(conflict).rejects.toBeInstanceOf(BlobExistsError);
      await expect(conflict).rejects.toMatchObject({
        code: 'BLOB_EXISTS',
        message: `a blob already exists at key "${key}" and the put asked for ifAbsent`,
      });
      await expect(store().putStream(key, patternChunks(10, 1), { ifAbsent: true })).rejects.toBeInstanceOf(
        BlobExistsError,
      );
      expect(text(await store().get(key)), 'the losing writes changed nothing').toBe('first');
    });

    it('ends concurrent writers of one key with one whole value', async () => {
      const key = `${uniquePrefix('race')}/k`;
      const size = 2 * 1024 * 1024;
      const payloads = Array.from({ length: 6 }, (_, writer) => new Uint8Array(size).fill(writer + 1));

      const results = await Promise.allSettled(
        payloads.map((payload, writer) =>
          writer % 2 === 0
            ? store().put(key, payload)
            : store().putStream(
                key,
                (async function* halves(): AsyncGenerator<Uint8Array> {
                  yield payload.subarray(0, size / 2);
                  yield payload.subarray(size / 2);
                })(),
              ),
        ),
      );
      const final = await store().get(key);
      const succeeded = results.flatMap((result, writer) => (result.status === 'fulfilled' ? [writer + 1] : []));
      const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));

      expect(final.byteLength, 'the full length of one writer').toBe(size);
      expect(new Set(final).size, 'every byte comes from the same writer (no torn value)').toBe(1);
      expect(succeeded, 'the value is that of a writer that reported success').toContain(final[0]);
      // Azure discards staged blocks when another writer commits, so a racing streamed put may be told so.
      expect(
        failures.every((reason) => reason instanceof BlobWriteConflictError),
        `only BLOB_WRITE_CONFLICT may fail a racing write: ${String(failures[0])}`,
      ).toBe(true);
    });

    it('lets exactly one of several concurrent ifAbsent writers win', async () => {
      const key = `${uniquePrefix('race-ifabsent')}/k`;

      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, writer) => store().put(key, `writer ${writer}`, { ifAbsent: true })),
      );
      const winners = results.flatMap((result, writer) => (result.status === 'fulfilled' ? [writer] : []));
      const losers = results.filter((result) => result.status === 'rejected');

      expect(winners.length, 'one winner').toBe(1);
      expect(
        losers.every((result) => result.reason instanceof BlobExistsError),
        'the rest see BLOB_EXISTS',
      ).toBe(true);
      expect(text(await store().get(key)), "the winner's value").toBe(`writer ${winners[0]}`);
    });

    it('rejects invalid keys and prefixes before touching storage', async () => {
      const bad = ['', '/abs', 'trailing/', 'a//b', 'a/./b', 'a/../b', '..', 'sp ace', 'a\\b', 'é'];

      for (const key of bad) {
        await expect(store().put(key, 'x'), `put ${JSON.stringify(key)}`).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store().get(key), `get ${JSON.stringify(key)}`).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store().exists(key), `exists ${JSON.stringify(key)}`).rejects.toBeInstanceOf(InvalidBlobKeyError);
        await expect(store().delete(key), `delete ${JSON.stringify(key)}`).rejects.toBeInstanceOf(InvalidBlobKeyError);
      }
      await expect(store().list('../')).rejects.toMatchObject({ code: 'INVALID_BLOB_KEY' });
      await expect(store().put('a/../b', 'x')).rejects.toThrow(
        'invalid blob key "a/../b": empty, "." and ".." segments are not allowed',
      );
    });

    it('throws BLOB_NOT_FOUND for a missing key, from get and when a stream is read', async () => {
      const key = `${uniquePrefix('missing')}/nothing`;

      await expect(store().get(key)).rejects.toMatchObject({
        code: 'BLOB_NOT_FOUND',
        message: `no blob at key "${key}"`,
      });
      await expect(hashOf(store().getStream(key))).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await store().exists(key)).toBe(false);
    });
  });
}
