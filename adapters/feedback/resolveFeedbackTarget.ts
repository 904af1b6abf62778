import { join } from 'node:path';
import type { SystemConfig } from '../../config/system.js';
import { FeedbackEnvError } from './errors.js';

/** Where the feedback log lives: a PostgreSQL server, or PGlite in a folder (or `memory://`). */
export type FeedbackTarget =
  | {
      readonly kind: 'postgres';
      readonly connectionString?: string;
      readonly host?: string;
      readonly port?: number;
      readonly database?: string;
      readonly user?: string;
    }
  | { readonly kind: 'pglite'; readonly dataDir: string };

/** The environment variables that matter here (passed in: only composition roots read process.env). */
export type FeedbackEnv = Readonly<Record<string, string | undefined>>;

/**
 * Chooses the feedback database. Environment wins over config/system.yaml:
 * INTRADAY_PG_URL (a connection string) or PGHOST selects a server; otherwise `postgres.embedded: true` selects
 * PGlite under `<data dir>/pglite`, and `false` the server from `postgres.host/port/database/user`, each of which
 * PGHOST/PGPORT/PGDATABASE/PGUSER override (a PGPORT that is not a port is an error, not a silent fall-back to the
 * YAML's). The password never comes from here: see pgPassword.ts.
 */
export function resolveFeedbackTarget(
  settings: SystemConfig['postgres'],
  env: FeedbackEnv,
  dataDir: string,
): FeedbackTarget {
  const url = env['INTRADAY_PG_URL'];
  if (url) return { kind: 'postgres', connectionString: url };
  if (settings.embedded && !env['PGHOST']) return { kind: 'pglite', dataDir: join(dataDir, 'pglite') };
  return {
    kind: 'postgres',
    host: env['PGHOST'] || settings.host,
    port: portFrom(env['PGPORT']) ?? settings.port,
    database: env['PGDATABASE'] || settings.database,
    user: env['PGUSER'] || settings.user,
  };
}

/** The port PGPORT names, undefined when it is unset or empty; anything but a port is refused, not ignored. */
function portFrom(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !(port >= 1 && port <= 65535)) {
    throw new FeedbackEnvError('PGPORT', text, 'a port number from 1 to 65535');
  }
  return port;
}
