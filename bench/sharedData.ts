import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  ...(import.meta.url.includes('/dist/') ? ['..'] : []),
);

/** The shared real-data folder beside the checkout (absent in a user's checkout). */
export const SHARED_DATA = process.env['INTRADAY_SHARED_DATA'] ?? resolve(ROOT, '..', 'shared', 'data');

/** Path of the 1.65 M-bar benchmark file, or null with the reason printed when it is absent. */
export function benchFile(relative: string): string | null {
  const path = resolve(SHARED_DATA, relative);
  if (existsSync(path)) return path;
  console.error(`[bench] ${path} is absent: sections that need it are skipped`);
  return null;
}
