import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PacingLog } from '../../core/ibkr/BarSink.js';
import type { PacingStart } from '../../core/ibkr/PacingScheduler.js';

function isStart(value: unknown): value is PacingStart {
  const record = value as Record<string, unknown> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    Number.isFinite(record['atMs']) &&
    typeof record['key'] === 'string' &&
    typeof record['contractKey'] === 'string' &&
    Number.isInteger(record['weight'])
  );
}

/**
 * The recent historical-request starts of one gateway as a JSON file, rewritten atomically (temporary file and
 * rename) before each batch of requests goes out. A missing or unreadable file means no history: the log only
 * makes a restart more careful, and IB's own answer (162 pacing) remains the backstop.
 */
export class FilePacingLog implements PacingLog {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  async load(): Promise<readonly PacingStart[]> {
    try {
      const value: unknown = JSON.parse(await readFile(this.path, 'utf8'));
      return Array.isArray(value) ? value.filter(isStart) : [];
    } catch {
      return [];
    }
  }

  async save(starts: readonly PacingStart[]): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(starts), 'utf8');
    await rename(temporary, this.path);
  }
}
