import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobInfo, BlobKey, BlobStore, PutOptions } from '../../core/storage/blobStore.js';
import { BlobExistsError, BlobNotFoundError, checkBlobKey, InvalidBlobKeyError } from '../../core/storage/blobStore.js';
import { checkBlobPrefix } from './checkBlobPrefix.js';

// Temporary files carry '#', a character no key may hold, so `list` can never mistake one for a blob and a
// half-written temporary file can never be read through a key.
const TEMP_MARK = '#tmp-';

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/**
 * A blob store in a local folder: key `a/b/c` is the file `<root>/a/b/c` (the rule the Python worker follows too).
 * A put writes a temporary file in the target's folder, fsyncs it, then renames it over the target (atomic on
 * POSIX), so readers see the old bytes or the new ones. `ifAbsent` publishes with link(2), which fails when the
 * target exists, so of two concurrent writers exactly one wins. Empty folders are left behind by `delete`:
 * removing them would race with a concurrent put into the same folder.
 */
export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** The file that holds a key (the key is validated first). */
  pathOf(key: BlobKey): string {
    return join(this.root, ...checkBlobKey(key).split('/'));
  }

  async put(key: BlobKey, data: Uint8Array | string, options?: PutOptions): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    await this.publish(key, options, async (temp) => {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  async putStream(key: BlobKey, source: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<void> {
    await this.publish(key, options, async (temp) => {
      // `flush: true` fsyncs the file before the stream closes it (Node >= 20.10).
      await pipeline(
        Readable.from(source, { objectMode: false }),
        createWriteStream(temp, { flags: 'wx', flush: true }),
      );
    });
  }

  async get(key: BlobKey): Promise<Uint8Array> {
    const path = this.pathOf(key);
    try {
      return await readFile(path);
    } catch (error) {
      throw translateReadError(error, key);
    }
  }

  getStream(key: BlobKey): AsyncIterable<Uint8Array> {
    const path = this.pathOf(key);
    return (async function* stream(): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of createReadStream(path)) yield chunk as Buffer;
      } catch (error) {
        throw translateReadError(error, key);
      }
    })();
  }

  async exists(key: BlobKey): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return false;
      throw error;
    }
  }

  async delete(key: BlobKey): Promise<boolean> {
    try {
      await unlink(this.pathOf(key));
      return true;
    } catch (error) {
      // ENOTDIR: a leading part of the key is a blob; EISDIR: the key names a folder of other blobs.
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return false;
      throw error;
    }
  }

  async list(prefix: string): Promise<BlobInfo[]> {
    checkBlobPrefix(prefix);
    // Walk only the deepest folder the prefix fixes completely, then filter by the full prefix.
    const fixed = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const found: BlobInfo[] = [];
    await this.walk(fixed, prefix, found);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async walk(folderKey: string, prefix: string, found: BlobInfo[]): Promise<void> {
    const folder = folderKey === '' ? this.root : join(this.root, ...folderKey.split('/'));
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.name.includes(TEMP_MARK)) continue;
      const key = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
      if (entry.isDirectory()) {
        // Descend only where a key below could still match the prefix.
        if (prefix.startsWith(`${key}/`) || `${key}/`.startsWith(prefix)) await this.walk(key, prefix, found);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        try {
          const info = await stat(join(folder, entry.name));
          found.push({ key, size: info.size, modified: info.mtime.toISOString() });
        } catch (error) {
          // Deleted between readdir and stat: it is simply not there any more.
          if (errorCode(error) !== 'ENOENT') throw error;
        }
      }
    }
  }

  /** Writes through `fill` into a temporary file beside the target, then publishes it atomically. */
  private async publish(
    key: BlobKey,
    options: PutOptions | undefined,
    fill: (temp: string) => Promise<void>,
  ): Promise<void> {
    const target = this.pathOf(key);
    const folder = dirname(target);
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      if (errorCode(error) === 'ENOTDIR' || errorCode(error) === 'EEXIST') throw parentIsBlob(key);
      throw error;
    }
    const temp = `${target}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`;
    try {
      await fill(temp);
      if (options?.ifAbsent) {
        try {
          await link(temp, target);
        } catch (error) {
          if (errorCode(error) === 'EEXIST') throw new BlobExistsError(key);
          throw error;
        }
      } else {
        try {
          await rename(temp, target);
        } catch (error) {
          if (errorCode(error) === 'EISDIR' || errorCode(error) === 'ENOTEMPTY') {
            throw new InvalidBlobKeyError(key, 'a folder of other blobs already has this name');
          }
          throw error;
        }
      }
      await syncFolder(folder);
    } finally {
      // After a rename the temporary name is gone; after link or a failure it still needs removing.
      await unlink(temp).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw error;
      });
    }
  }
}

function parentIsBlob(key: BlobKey): InvalidBlobKeyError {
  return new InvalidBlobKeyError(key, 'a leading part of the key is already a blob, so it cannot be a folder');
}

function translateReadError(error: unknown, key: BlobKey): unknown {
  const code = errorCode(error);
  // ENOTDIR: a leading part of the key is a blob; EISDIR: the key names a folder. Neither holds a blob.
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return new BlobNotFoundError(key);
  return error;
}

/** Makes a rename durable: the folder entry itself must reach the disk, not only the file's bytes. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on a folder; the rename is still atomic there.
    if (errorCode(error) !== 'EINVAL' && errorCode(error) !== 'EBADF') throw error;
  } finally {
    await handle.close();
  }
}
