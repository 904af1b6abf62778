import { PostgresSettingsSchema } from '../../config/system.js';
import type { FeedbackTarget } from '../../adapters/feedback/index.js';
import { openSqlSession, resolveFeedbackTarget } from '../../adapters/feedback/index.js';

/**
 * The test server, found the way the CLI finds it with `postgres.embedded: false`: 127.0.0.1:5432, role and
 * database `intraday`, password from PGPASSWORD or ~/.pgpass (scripts/setup/postgres.sh, which `npm test` runs
 * first, starts the server and stores the password); INTRADAY_PG_URL / PG* override it as they do for the CLI.
 */
export function serverTarget(): FeedbackTarget {
  return resolveFeedbackTarget(PostgresSettingsSchema.parse({ embedded: false }), process.env, '/nonexistent');
}

/** A fresh, empty database on the test server and the way to drop it. */
export interface TestDatabase {
  readonly target: FeedbackTarget;
  drop(): Promise<void>;
}

/**
 * Creates an empty database (`intraday_test_<pid>_<time>`) for one test file, so runs never see each other's rows;
 * `drop()` removes it, closing any connection still open to it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = serverTarget();
  if (base.kind !== 'postgres' || base.connectionString) {
    throw new Error(
      'tests need a server reached by host and port (unset INTRADAY_PG_URL), found ' + JSON.stringify(base),
    );
  }
  const name = `intraday_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = await openSqlSession(base, process.env);
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  return {
    target: { ...base, database: name },
    async drop() {
      const session = await openSqlSession(base, process.env);
      try {
        await session.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await session.close();
      }
    },
  };
}
