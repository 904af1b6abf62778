import { describe } from 'vitest';
import { migrate, openSqlSession, readMigrations } from '../../adapters/feedback/index.js';
import type { TestDatabase } from '../support/feedbackDatabases.js';
import { createTestDatabase } from '../support/feedbackDatabases.js';
import { feedbackLogContract } from '../support/feedbackLogContract.js';
import { connectionBreakSuite } from '../support/feedbackConnectionBreak.js';

// Against the real PostgreSQL server on loopback (scripts/setup/postgres.sh starts it; `npm test` runs setup
// first), in a database created for this run and dropped after it.
let database: TestDatabase | undefined;

const backend = {
  name: 'postgres',
  bulkRows: 1_000_000,
  bulkTimeoutSeconds: 300,
  async open() {
    database = await createTestDatabase();
    const session = await openSqlSession(database.target, process.env);
    await migrate(session, readMigrations());
    return session;
  },
  async dispose() {
    await database?.drop();
  },
};

describe('feedback log on the PostgreSQL server', () => {
  feedbackLogContract(backend);
  connectionBreakSuite();
});
