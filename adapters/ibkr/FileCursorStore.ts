import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CursorStore } from '../../core/ibkr/BarSink.js';
import { emptyCursor, parseCursor, type FetchCursor } from '../../core/ibkr/FetchCursor.js';
import { IbInvalidSettingError } from './errors.js';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function checkName(key: string, value: string): string {
  if (!SAFE_NAME.test(value)) {
    throw new IbInvalidSettingError(key, 'letters, digits, ".", "_" or "-", starting with a letter or digit', value);
  }
  return value;
}

/**
 * Fetch cursors as small JSON files, `<root>/<dataset>/<ticker>-<bar>.json` (`-all-hours` added outside regular
 * hours). Each save writes a temporary file beside the target and renames it over the old one, which is atomic
 * on one file system: a crash leaves the previous cursor or the new one.
 */
export class FileCursorStore implements CursorStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** The file of one cursor. */
  pathOf(dataset: string, ticker: string, bar: string, rth: boolean): string {
    const name = `${checkName('ticker', ticker)}-${checkName('bar', bar)}${rth ? '' : '-all-hours'}.json`;
    return join(this.root, checkName('dataset', dataset), name);
  }

  async load(dataset: string, ticker: string, bar: string, rth: boolean): Promise<FetchCursor> {
    const path = this.pathOf(dataset, ticker, bar, rth);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyCursor(dataset, ticker, bar, rth);
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new IbInvalidSettingError(
        `cursor file ${path}`,
        'JSON',
        `${text.slice(0, 80)} (${(error as Error).message})`,
      );
    }
    const cursor = parseCursor(value, path);
    if (cursor.dataset !== dataset || cursor.ticker !== ticker || cursor.bar !== bar || cursor.rth !== rth) {
      throw new IbInvalidSettingError(
        `cursor file ${path}`,
        `the cursor of ${dataset}/${ticker}/${bar}`,
        text.slice(0, 120),
      );
    }
    return cursor;
  }

  async save(cursor: FetchCursor): Promise<void> {
    const path = this.pathOf(cursor.dataset, cursor.ticker, cursor.bar, cursor.rth);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(cursor)}\n`, 'utf8');
    await rename(temporary, path);
  }
}
