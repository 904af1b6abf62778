import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OutputIsFolderError } from '../core/data/errors.js';

/** The package root: dist/cli/paths.js and cli/paths.ts both sit two levels below it. */
export const PACKAGE_ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  ...(import.meta.url.includes('/dist/') ? ['..'] : []),
);

/** The configuration folder: `--config-dir`, else INTRADAY_CONFIG_DIR, else the package's config/. */
export function resolveConfigDir(option?: string): string {
  return resolve(option ?? process.env['INTRADAY_CONFIG_DIR'] ?? join(PACKAGE_ROOT, 'config'));
}

/**
 * The one folder for everything stored locally (bars, features, artifacts): INTRADAY_DATA_DIR when set,
 * else $XDG_DATA_HOME/intraday, else ~/.local/share/intraday.
 */
export function resolveDataDir(): string {
  const explicit = process.env['INTRADAY_DATA_DIR'];
  if (explicit) return resolve(explicit);
  const xdg = process.env['XDG_DATA_HOME'];
  return resolve(xdg ? join(xdg, 'intraday') : join(homedir(), '.local', 'share', 'intraday'));
}

/**
 * An output file named by `option`, resolved, checked before any work: an existing folder there would end the
 * command after the work with a bare EISDIR from the final rename.
 */
export function outputFile(path: string, option: string): string {
  const out = resolve(path);
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory() === true) throw new OutputIsFolderError(option, out);
  return out;
}
