import { InvalidBlobKeyError, checkBlobKey } from '../../core/storage/blobStore.js';

/**
 * Validates a `list` prefix: empty (everything), or the start of a key, optionally ending with '/'. The same
 * characters as a key, and no '.' or '..' segment, so a prefix can never reach outside the store.
 */
export function checkBlobPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  const body = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  try {
    checkBlobKey(body);
  } catch (error) {
    if (error instanceof InvalidBlobKeyError) {
      const reason = error.message.slice(error.message.indexOf('": ') + 3);
      throw new InvalidBlobKeyError(prefix, `not a valid list prefix: ${reason}`);
    }
    throw error;
  }
  return prefix;
}
