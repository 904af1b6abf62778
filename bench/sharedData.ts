import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../cli/paths.js';

/** The shared real-data folder beside the checkout (absent in a user's checkout). */
export const SHARED_DATA = process.env['INTRADAY_SHARED_DATA'] ?? resolve(PACKAGE_ROOT, '..', 'shared', 'data');

/** Path of a benchmark file, or null with the reason printed when it is absent. */
export function benchFile(relative: string): string | null {
  const path = resolve(SHARED_DATA, relative);
  if (existsSync(path)) return path;
  console.error(`[bench] ${path} is absent: sections that need it are skipped`);
  return null;
}
