import type { FeedbackLog } from '../../core/feedback/index.js';
import { migrate } from './migrate.js';
import { readMigrations } from './migrations.js';
import { PgliteSession } from './PgliteSession.js';
import { PgSession } from './PgSession.js';
import { lookupPassword } from './pgPassword.js';
import type { FeedbackEnv, FeedbackTarget } from './resolveFeedbackTarget.js';
import { SqlFeedbackLog } from './SqlFeedbackLog.js';
import type { SqlSession } from './SqlSession.js';

/** Opens a session on the target. `env` supplies PGPASSWORD / PGPASSFILE / HOME for the password lookup. */
export async function openSqlSession(target: FeedbackTarget, env: FeedbackEnv): Promise<SqlSession> {
  if (target.kind === 'pglite') return PgliteSession.open(target.dataDir);
  if (target.connectionString) return new PgSession({ connectionString: target.connectionString });
  const { host = '127.0.0.1', port = 5432, database = 'intraday', user = 'intraday' } = target;
  return new PgSession({
    host,
    port,
    database,
    user,
    password: () => lookupPassword({ host, port, database, user }, env),
  });
}

/**
 * Opens the feedback log on the target and, unless `migrate: false`, brings its schema up to date first (the
 * embedded default has no separate install step, so the first write must find the tables).
 */
export async function openFeedbackLog(
  target: FeedbackTarget,
  env: FeedbackEnv,
  options: { readonly migrate?: boolean } = {},
): Promise<FeedbackLog> {
  const session = await openSqlSession(target, env);
  try {
    if (options.migrate !== false) await migrate(session, readMigrations());
  } catch (error) {
    await session.close();
    throw error;
  }
  return new SqlFeedbackLog(session);
}
