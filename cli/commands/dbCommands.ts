import type { Command } from 'commander';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import type { SqlSession } from '../../adapters/feedback/index.js';
import {
  isConnectionError,
  migrate,
  migrationStatus,
  openSqlSession,
  partitioningMode,
  readMigrations,
  resolveFeedbackTarget,
} from '../../adapters/feedback/index.js';
import { resolveConfigDir, resolveDataDir } from '../paths.js';

/** Opens the feedback database chosen by config/system.yaml `postgres` and the environment (env wins). */
async function openConfigured(program: Command): Promise<SqlSession> {
  const app = loadAppConfig(resolveConfigDir(program.opts<{ configDir?: string }>().configDir));
  const target = resolveFeedbackTarget(app.system.postgres, process.env, resolveDataDir());
  return openSqlSession(target, process.env);
}

/**
 * Runs `work` on the configured session and closes it. A server that cannot be reached is named (password masked)
 * with where its address came from, instead of the driver's bare "connect ECONNREFUSED".
 */
async function withSession(program: Command, work: (session: SqlSession) => Promise<void>): Promise<void> {
  const session = await openConfigured(program);
  try {
    await work(session);
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    throw new Error(
      `${session.description}: cannot connect (${(error as Error).message}); check that the server runs there and ` +
        'the address (INTRADAY_PG_URL, else PGHOST/PGPORT/PGDATABASE/PGUSER, else postgres.* in config/system.yaml), ' +
        'or use the embedded PGlite (postgres.embedded: true with neither INTRADAY_PG_URL nor PGHOST set)',
      { cause: error },
    );
  } finally {
    await session.close();
  }
}

/** `intraday db migrate` and `intraday db status`: the feedback log's schema. */
export function registerDbCommands(program: Command): void {
  const db = program
    .command('db')
    .description('the feedback-log database: PostgreSQL (INTRADAY_PG_URL, PG*, postgres.*) or embedded PGlite');

  db.command('migrate')
    .description('apply pending migrations (numbered, forward-only SQL files; each in its own transaction)')
    .action(async () => {
      await withSession(program, async (session) => {
        const report = await migrate(session, readMigrations());
        const names = report.applied.map((migration) => `${pad(migration.version)}_${migration.name}`);
        console.log(
          report.applied.length === 0
            ? `${session.description}: up to date at version ${report.version}`
            : `${session.description}: applied ${names.join(', ')}; now at version ${report.version}`,
        );
      });
    });

  db.command('status')
    .description('list migrations (applied with their time, or pending) and how time-partitioned tables are stored')
    .action(async () => {
      await withSession(program, async (session) => {
        const states = await migrationStatus(session, readMigrations());
        console.log(session.description);
        for (const state of states) {
          const when = state.appliedAt ? `applied ${state.appliedAt.toISOString()}` : 'pending';
          console.log(`  ${pad(state.version)}_${state.name}  ${when}`);
        }
        if (states.some((state) => state.appliedAt !== null)) {
          const mode = await partitioningMode(session, 'predictions');
          const described = { native: 'native monthly range partitions', timescaledb: 'TimescaleDB hypertables' };
          console.log(`  time-partitioned tables: ${mode === 'none' ? 'not partitioned' : described[mode]}`);
        }
        const pending = states.filter((state) => state.appliedAt === null).length;
        if (pending > 0) console.log(`  ${pending} pending: run \`intraday db migrate\``);
      });
    });
}

const pad = (version: number): string => String(version).padStart(4, '0');
