import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createTestDatabase } from '../support/feedbackDatabases.js';
import { intraday } from '../support/runCli.js';

describe('intraday db migrate / db status', () => {
  test('migrates the embedded default under the data dir, and the schema persists for the next process', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'intraday-db-'));
    const env = { INTRADAY_DATA_DIR: dataDir, INTRADAY_PG_URL: '', PGHOST: '' };

    const migrated = await intraday(['db', 'migrate'], env);
    const status = await intraday(['db', 'status'], env);

    expect(migrated.err).toBe('');
    expect(migrated.out).toBe(`pglite ${join(dataDir, 'pglite')}: applied 0001_feedback_log; now at version 1\n`);
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION')), 'PGlite files under <data dir>/pglite').toBe(true);
    expect(status.out).toMatch(
      /^pglite .*\n {2}0001_feedback_log {2}applied \d{4}-\d\d-\d\dT[\d:.]+Z\n {2}time-partitioned tables: native monthly range partitions\n$/,
    );
  }, 300_000);

  test('migrates the server named by PG* variables: pending, applied, then up to date', async () => {
    const database = await createTestDatabase();
    try {
      const target = database.target as { host: string; port: number; database: string; user: string };
      const env = {
        PGHOST: target.host,
        PGPORT: String(target.port),
        PGDATABASE: target.database,
        PGUSER: target.user,
      };
      const where = `postgres intraday@127.0.0.1:5432/${target.database}`;

      const before = await intraday(['db', 'status'], env);
      const first = await intraday(['db', 'migrate'], env);
      const second = await intraday(['db', 'migrate'], env);

      expect(before.out).toBe(`${where}\n  0001_feedback_log  pending\n  1 pending: run \`intraday db migrate\`\n`);
      expect(first.out).toBe(`${where}: applied 0001_feedback_log; now at version 1\n`);
      expect(second.out).toBe(`${where}: up to date at version 1\n`);
    } finally {
      await database.drop();
    }
  }, 120_000);
});
