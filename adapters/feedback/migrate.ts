import { MigrationChecksumError, MigrationFailedError, MigrationUnknownError } from './errors.js';
import type { Migration } from './migrations.js';
import type { SqlSession, SqlTransaction } from './SqlSession.js';

/** An arbitrary fixed key: every migrator takes this transaction-level advisory lock, so two never interleave. */
const LOCK_KEY = 716_402_911;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** One migration's state in a database. */
export interface MigrationState {
  readonly version: number;
  readonly name: string;
  readonly appliedAt: Date | null;
}

/** What `migrate` did. */
export interface MigrationReport {
  readonly applied: readonly Migration[];
  /** The version the database is at now. */
  readonly version: number;
}

interface AppliedRow {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  readonly applied_at: Date;
}

/** Locks, creates schema_migrations if needed, and checks every applied migration against the files. */
async function appliedMigrations(
  tx: SqlTransaction,
  migrations: readonly Migration[],
  target: string,
  create: boolean,
): Promise<Map<number, AppliedRow>> {
  await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
  if (create) {
    await tx.exec(CREATE_TABLE);
  } else {
    const exists = await tx.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
    if (exists.rows[0]?.['present'] !== true) return new Map();
  }
  const { rows } = await tx.query('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version');
  const applied = new Map<number, AppliedRow>();
  for (const row of rows as unknown as AppliedRow[]) {
    const version = Number(row.version);
    const migration = migrations[version - 1];
    if (!migration) throw new MigrationUnknownError(version, row.name, target);
    if (migration.checksum !== row.checksum) {
      throw new MigrationChecksumError(version, migration.name, row.checksum, migration.checksum);
    }
    applied.set(version, row);
  }
  return applied;
}

/**
 * Applies every pending migration, each in its own transaction together with its schema_migrations row, so a
 * failing migration leaves the database at the previous version. Refuses to run when an applied migration's file
 * changed or the database knows a migration this code does not. Safe to run concurrently and repeatedly.
 */
export async function migrate(session: SqlSession, migrations: readonly Migration[]): Promise<MigrationReport> {
  const applied: Migration[] = [];
  for (const migration of migrations) {
    const done = await session.transaction(async (tx) => {
      const already = await appliedMigrations(tx, migrations, session.description, true);
      if (already.has(migration.version)) return false;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationFailedError(migration.version, migration.name, session.description, error);
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (done) applied.push(migration);
  }
  // With no migrations at all the loop never checked the database; check it now.
  const states = await migrationStatus(session, migrations);
  const version = states.filter((state) => state.appliedAt !== null).length;
  return { applied, version };
}

/**
 * Every known migration with the time it was applied (null when pending). Checks checksums like `migrate`;
 * changes nothing (an empty database stays empty).
 */
export async function migrationStatus(
  session: SqlSession,
  migrations: readonly Migration[],
): Promise<MigrationState[]> {
  const applied = await session.transaction((tx) => appliedMigrations(tx, migrations, session.description, false));
  return migrations.map((migration) => ({
    version: migration.version,
    name: migration.name,
    appliedAt: applied.get(migration.version)?.applied_at ?? null,
  }));
}
