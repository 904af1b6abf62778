import { mkdtempSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readMigrations } from './migrations.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'intraday-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('readMigrations', () => {
  test('reads numbered files in order with the sha256 of their bytes', () => {
    const dir = folder({ '0002_second.sql': 'SELECT 2;', '0001_first.sql': 'SELECT 1;', 'notes.txt': 'ignored' });

    const migrations = readMigrations(dir);

    expect(migrations.map((migration) => [migration.version, migration.name, migration.sql])).toEqual([
      [1, 'first', 'SELECT 1;'],
      [2, 'second', 'SELECT 2;'],
    ]);
    expect(migrations[0]!.checksum).toBe(createHash('sha256').update('SELECT 1;').digest('hex'));
  });

  test('refuses a gap in the numbering', () => {
    const dir = folder({ '0001_first.sql': 'SELECT 1;', '0003_third.sql': 'SELECT 3;' });

    expect(() => readMigrations(dir)).toThrow(
      `migration file "${join(dir, '0003_third.sql')}": expected version 2 (versions run 1, 2, 3 ... without gaps)`,
    );
  });

  test('refuses a badly named file', () => {
    const dir = folder({ '1_first.sql': 'SELECT 1;' });

    expect(() => readMigrations(dir)).toThrow(/expected a name like 0001_feedback_log\.sql/);
  });

  test('the shipped folder holds the feedback-log migration', () => {
    expect(readMigrations().map((migration) => migration.name)).toEqual(['feedback_log']);
  });
});
