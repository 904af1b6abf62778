import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { SqlSession } from '../../adapters/feedback/index.js';
import {
  MIGRATIONS_DIR,
  migrate,
  migrationStatus,
  openSqlSession,
  readMigrations,
} from '../../adapters/feedback/index.js';
import { FEEDBACK_TABLES } from '../../core/feedback/index.js';
import type { TestDatabase } from '../support/feedbackDatabases.js';
import { createTestDatabase } from '../support/feedbackDatabases.js';

// Against the PostgreSQL server, one fresh database per test. The embedded default runs the same migrations
// from empty in feedbackLog.pglite.test.ts and through the CLI in dbCli.test.ts.
const opened: { database: TestDatabase; sessions: SqlSession[] }[] = [];

async function freshDatabase(sessions = 1): Promise<SqlSession[]> {
  const database = await createTestDatabase();
  const list: SqlSession[] = [];
  for (let index = 0; index < sessions; index++) list.push(await openSqlSession(database.target, process.env));
  opened.push({ database, sessions: list });
  return list;
}

/** A copy of the real migrations folder, plus `extra` files, for tests that edit or add migrations. */
function migrationsCopy(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'intraday-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql);
  return dir;
}

async function tables(session: SqlSession): Promise<string[]> {
  const { rows } = await session.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '%\\_p2%' ORDER BY 1`,
  );
  return rows.map((row) => String(row['tablename']));
}

afterEach(async () => {
  for (const { database, sessions } of opened.splice(0)) {
    for (const session of sessions) await session.close();
    await database.drop();
  }
}, 60_000);

describe('feedback-log migrations on the PostgreSQL server', () => {
  test('apply to an empty database, record version, name and checksum, and a second run applies nothing', async () => {
    const [session] = await freshDatabase();
    const migrations = readMigrations();

    const first = await migrate(session!, migrations);
    const second = await migrate(session!, migrations);

    expect(first.applied.map((migration) => migration.version)).toEqual([1]);
    expect(second).toEqual({ applied: [], version: 1 });
    expect(await tables(session!)).toEqual([...FEEDBACK_TABLES, 'schema_migrations'].sort());
    const { rows } = await session!.query('SELECT version, name, checksum FROM schema_migrations');
    expect(rows).toEqual([{ version: 1, name: 'feedback_log', checksum: migrations[0]!.checksum }]);
  });

  test('status lists pending migrations on an empty database without creating anything', async () => {
    const [session] = await freshDatabase();

    const states = await migrationStatus(session!, readMigrations());

    expect(states).toEqual([{ version: 1, name: 'feedback_log', appliedAt: null }]);
    expect(await tables(session!)).toEqual([]);
  });

  test('refuse to run when an applied migration was edited', async () => {
    const [session] = await freshDatabase();
    await migrate(session!, readMigrations());
    const dir = migrationsCopy();
    const file = join(dir, '0001_feedback_log.sql');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n-- an innocent-looking edit\n');

    const run = migrate(session!, readMigrations(dir));

    await expect(run).rejects.toMatchObject({ code: 'MIGRATION_CHECKSUM_MISMATCH', version: 1 });
    await expect(run).rejects.toThrow(
      /^migration 1 \(feedback_log\) was edited after it was applied: stored checksum [0-9a-f]{12}, file now [0-9a-f]{12}; restore the file and add the change as a new migration$/,
    );
    await expect(migrationStatus(session!, readMigrations(dir))).rejects.toMatchObject({
      code: 'MIGRATION_CHECKSUM_MISMATCH',
    });
  });

  test('refuse a database that has a migration this code does not know', async () => {
    const [session] = await freshDatabase();
    await migrate(session!, readMigrations(migrationsCopy({ '0002_newer.sql': 'CREATE TABLE newer (a int);' })));

    const run = migrate(session!, readMigrations());

    await expect(run).rejects.toMatchObject({ code: 'MIGRATION_UNKNOWN' });
    await expect(run).rejects.toThrow(
      /has migration 2 \(newer\) applied, which this version of intraday does not have/,
    );
  });

  test('roll a failing migration back entirely and stay at the previous version', async () => {
    const [session] = await freshDatabase();
    const dir = migrationsCopy({ '0002_half_done.sql': 'CREATE TABLE half_done (a int);\nSELECT 1 / 0;\n' });

    const run = migrate(session!, readMigrations(dir));

    await expect(run).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
    await expect(run).rejects.toThrow(
      /^migration 2 \(half_done\) failed on postgres .* and was rolled back: division by zero$/,
    );
    expect(await tables(session!), 'no half_done table').not.toContain('half_done');
    const states = await migrationStatus(session!, readMigrations(dir));
    expect(states.map((state) => state.appliedAt !== null)).toEqual([true, false]);
  });

  test('two migrators started at once apply each migration exactly once', async () => {
    const [one, two] = await freshDatabase(2);

    const reports = await Promise.all([migrate(one!, readMigrations()), migrate(two!, readMigrations())]);

    expect(reports.map((report) => report.applied.length).sort()).toEqual([0, 1]);
    expect(reports.map((report) => report.version)).toEqual([1, 1]);
  });
});
