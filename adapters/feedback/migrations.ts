import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigrationFileError } from './errors.js';

/** One forward-only migration file `NNNN_name.sql`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** sha256 of the file's bytes, hex: an applied migration whose file changed is refused. */
  readonly checksum: string;
}

/**
 * The migrations folder in the source tree. The SQL files are not compiled, so from dist/adapters/feedback/ this
 * points back at adapters/feedback/migrations in the package root.
 */
export const MIGRATIONS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  ...(import.meta.url.includes('/dist/') ? ['..', '..', '..', 'adapters', 'feedback'] : []),
  'migrations',
);

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads and checks the migration files: named `NNNN_name.sql`, numbered 1, 2, 3 ... without gaps. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  return files.map((file, index) => {
    const match = FILE.exec(file);
    if (!match) throw new MigrationFileError(join(dir, file), 'a name like 0001_feedback_log.sql');
    const version = Number(match[1]);
    if (version !== index + 1) {
      throw new MigrationFileError(join(dir, file), `version ${index + 1} (versions run 1, 2, 3 ... without gaps)`);
    }
    const bytes = readFileSync(join(dir, file));
    return {
      version,
      name: match[2]!,
      sql: bytes.toString('utf8'),
      checksum: createHash('sha256').update(bytes).digest('hex'),
    };
  });
}
