import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SqlSession } from '../../adapters/feedback/index.js';
import { migrate, openSqlSession, readMigrations, SqlFeedbackLog } from '../../adapters/feedback/index.js';
import { FeedbackConnectionLostError } from '../../core/feedback/index.js';
import type { TestDatabase } from './feedbackDatabases.js';
import { createTestDatabase } from './feedbackDatabases.js';
import { many, rows } from './feedbackRows.js';

/** Waits until a COPY into `table` is running in this database, terminates its backend, and returns its pid. */
async function terminateCopy(killer: SqlSession, table: string, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const { rows: found } = await killer.query(
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE $1`,
      [`COPY ${table} %`],
    );
    if (found.length > 0) {
      const pid = Number(found[0]!['pid']);
      await killer.query('SELECT pg_terminate_backend($1)', [pid]);
      return pid;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no COPY into ${table} started within ${timeoutMs} ms`);
}

/**
 * Server only (PGlite runs in process and has no connection to break): a second connection terminates the
 * writer's backend with pg_terminate_backend while its COPY streams.
 */
export function connectionBreakSuite(): void {
  describe('a connection broken mid-write', () => {
    let database: TestDatabase;
    let writer: SqlSession;
    let killer: SqlSession;

    beforeAll(async () => {
      database = await createTestDatabase();
      writer = await openSqlSession(database.target, process.env);
      killer = await openSqlSession(database.target, process.env);
      await migrate(writer, readMigrations());
    }, 120_000);

    afterAll(async () => {
      await writer?.close();
      await killer?.close();
      await database?.drop();
    }, 120_000);

    test('fails the COPY with a retryable error, keeps the rows committed before, and the retry succeeds', async () => {
      const log = new SqlFeedbackLog(writer);
      const committed = many(rows.prediction, 1_000);
      await log.append('predictions', committed);
      const batch = many(rows.prediction, 300_000, 1_000);

      const [outcome, killed] = await Promise.allSettled([
        log.append('predictions', batch),
        terminateCopy(killer, 'predictions'),
      ]);

      expect(killed.status, 'the COPY was found and terminated').toBe('fulfilled');
      expect(outcome.status).toBe('rejected');
      const error = (outcome as PromiseRejectedResult).reason as FeedbackConnectionLostError;
      expect(error).toBeInstanceOf(FeedbackConnectionLostError);
      expect(error.code).toBe('FEEDBACK_CONNECTION_LOST');
      expect(error.retryable).toBe(true);
      expect(error.message).toMatch(
        /^feedback table "predictions": the connection to postgres intraday@127\.0\.0\.1:5432\/intraday_test_\w+ broke while writing 300000 rows \(terminating connection due to administrator command\); nothing of this batch was committed and earlier batches are kept: retry the batch$/,
      );
      expect(await log.read('predictions'), 'the committed batch is intact, nothing of the broken one').toEqual(
        committed,
      );

      const retry = await log.append('predictions', batch);

      expect(retry.inserted).toBe(300_000);
      expect(await log.count('predictions')).toBe(301_000);
    }, 300_000);
  });
}
