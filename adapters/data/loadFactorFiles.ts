import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FactorRow } from '../../core/data/adjust.js';
import { parseFactorFile } from '../../core/data/adjust.js';
import { FileUnreadableError } from '../../core/data/errors.js';

/**
 * Reads LEAN factor files for the given tickers from a folder (`<folder>/<ticker in lower case>.csv`).
 * A ticker without a file is simply absent from the result (its bars stay unadjusted, and the origin says so); a
 * folder that is not there is an error, since then every ticker would silently stay unadjusted (a mistyped path).
 */
export async function loadFactorFiles(folder: string, tickers: readonly string[]): Promise<Map<string, FactorRow[]>> {
  const info = await stat(folder).catch((error: unknown) => error as Error);
  if (info instanceof Error || !info.isDirectory()) {
    const found = info instanceof Error ? info.message : 'not a folder';
    throw new FileUnreadableError(folder, new Error(`expected a folder of LEAN factor files; ${found}`));
  }
  const factors = new Map<string, FactorRow[]>();
  for (const ticker of tickers) {
    const file = join(folder, `${ticker.toLowerCase()}.csv`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    factors.set(ticker, parseFactorFile(file, text));
  }
  return factors;
}
