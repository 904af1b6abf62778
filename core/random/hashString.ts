/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units, as an unsigned integer.
 * Used to turn names (tickers, stream labels) into seed material; not for security.
 * @see http://www.isthe.com/chongo/tech/comp/fnv/
 */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
