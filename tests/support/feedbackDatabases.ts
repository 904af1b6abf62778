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
        // A backend of another role on the database (seen in CI: a server process working on it right after a
        // 1 M-row COPY) makes FORCE fail with "must be a member of the role whose process is being terminated";
        // it leaves within seconds, so the drop is retried for a while before the failure is reported.
        for (let attempt = 1; ; attempt++) {
          try {
            await session.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (error) {
            if (attempt >= 20 || (error as { code?: string }).code !== '42501') throw error;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
      } finally {
        await session.close();
      }
    },
  };
}
