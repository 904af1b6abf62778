import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

let sequence = 0;

/**
 * Runs `write` against a temporary file beside `path` (same folder, so the rename is atomic; same extension, for
 * writers that infer the format from it) and renames it into place only once `write` has finished. A write that
 * fails or is killed never leaves a partial file under the real name, where it would pass for a complete one; a
 * failed write removes its temporary file and leaves any earlier file at `path` as it was.
 */
export async function writeAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const extension = extname(path);
  const temporary = join(
    dirname(path),
    `.${basename(path, extension)}.tmp-${process.pid}-${(sequence += 1)}${extension}`,
  );
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
