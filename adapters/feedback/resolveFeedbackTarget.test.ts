import { describe, expect, test } from 'vitest';
import { PostgresSettingsSchema } from '../../config/system.js';
import { resolveFeedbackTarget } from './resolveFeedbackTarget.js';

const embedded = PostgresSettingsSchema.parse({});
const server = PostgresSettingsSchema.parse({ embedded: false, host: 'db.internal', port: 6543 });

describe('resolveFeedbackTarget', () => {
  test('uses PGlite under the data dir when postgres.embedded is true and no server is named in the env', () => {
    expect(resolveFeedbackTarget(embedded, {}, '/data')).toEqual({ kind: 'pglite', dataDir: '/data/pglite' });
  });

  test('uses the configured server when postgres.embedded is false', () => {
    expect(resolveFeedbackTarget(server, {}, '/data')).toEqual({
      kind: 'postgres',
      host: 'db.internal',
      port: 6543,
      database: 'intraday',
      user: 'intraday',
    });
  });

  test('lets INTRADAY_PG_URL win over everything, even embedded: true', () => {
    const url = 'postgres://app@pg.example.com:5432/feedback';

    expect(resolveFeedbackTarget(embedded, { INTRADAY_PG_URL: url, PGHOST: 'ignored' }, '/data')).toEqual({
      kind: 'postgres',
      connectionString: url,
    });
  });

  test('lets PGHOST select a server and PGPORT, PGDATABASE, PGUSER override the YAML', () => {
    const env = { PGHOST: '10.0.0.5', PGPORT: '5433', PGDATABASE: 'fb', PGUSER: 'writer' };

    expect(resolveFeedbackTarget(embedded, env, '/data')).toEqual({
      kind: 'postgres',
      host: '10.0.0.5',
      port: 5433,
      database: 'fb',
      user: 'writer',
    });
  });

  test('refuses a PGPORT that is not a port, naming the variable, its value and what was expected', () => {
    for (const value of ['abc', '0', '70000', '54.32', '-1']) {
      expect(() => resolveFeedbackTarget(server, { PGPORT: value }, '/data')).toThrow(
        `environment variable PGPORT is "${value}": expected a port number from 1 to 65535`,
      );
    }
    expect(resolveFeedbackTarget(server, { PGPORT: '' }, '/data'), 'empty is unset').toMatchObject({ port: 6543 });
    expect(resolveFeedbackTarget(embedded, { PGPORT: 'abc' }, '/data'), 'unused with PGlite').toEqual({
      kind: 'pglite',
      dataDir: '/data/pglite',
    });
  });
});
