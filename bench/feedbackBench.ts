import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { SystemConfig } from '../config/system.js';
import {
  encodeCopyBinary,
  encodeCopyText,
  migrate,
  openSqlSession,
  PgliteSession,
  readMigrations,
  resolveFeedbackTarget,
  SqlFeedbackLog,
  TABLE_SPECS,
} from '../adapters/feedback/index.js';
import type { SqlSession } from '../adapters/feedback/index.js';
import type { PredictionRow } from '../core/feedback/index.js';
import { strategyId } from '../core/trading/ids.js';

/** Rows of the server COPY (BENCH_FEEDBACK_ROWS) and of the PGlite one (BENCH_FEEDBACK_PGLITE_ROWS). */
const SERVER_ROWS = Number(process.env['BENCH_FEEDBACK_ROWS'] ?? 1_000_000);
const PGLITE_ROWS = Number(process.env['BENCH_FEEDBACK_PGLITE_ROWS'] ?? 100_000);

/** Predictions as the live path logs them: 500 tickers per 5-minute bar, small metadata. */
function predictions(count: number): PredictionRow[] {
  const start = Date.UTC(2024, 0, 2, 14, 35);
  const strategy = strategyId('momentum');
  return Array.from({ length: count }, (_, index) => {
    const bar = Math.floor(index / 500);
    const ts = start + bar * 300_000;
    return {
      ts,
      runId: 'bench',
      strategy,
      model: 'lgbm_direction/3',
      ticker: `T${index % 500}`,
      barStart: ts - 300_000,
      signal: ((index % 201) - 100) / 100,
      confidence: (index % 101) / 100,
      metadata: { fold: index % 5 },
    };
  });
}

/** What one timed append cost: wall-clock seconds and CPU seconds of this process. */
interface AppendTiming {
  readonly seconds: number;
  readonly clientCpuSeconds: number;
}

async function timeAppend(session: SqlSession, rows: readonly PredictionRow[]): Promise<AppendTiming> {
  const log = new SqlFeedbackLog(session);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await log.append('predictions', rows);
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, clientCpuSeconds: (used.user + used.system) / 1e6 };
}

/** CPU seconds used so far by every backend of the database (Linux /proc; null when the server is not local). */
async function serverCpuSeconds(session: SqlSession, database: string): Promise<number | null> {
  const { rows } = await session.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  let ticks = 0;
  try {
    for (const row of rows) {
      // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 per second on Linux).
      const fields = readFileSync(`/proc/${String(row['pid'])}/stat`, 'utf8')
        .split(') ')[1]!
        .split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return null;
  }
  return ticks / 100;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** CPU seconds (user + system) this process used since `since`. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/**
 * Feedback-log insert rate through COPY (issue 6 target: >= 200,000 rows/s into the server): one batch of
 * prediction rows, timed from the append call to the commit (row checks, encoding, partition creation, COPY). The
 * server figure uses a scratch database that is dropped after; PGlite (in memory) is measured on fewer rows for
 * comparison. Timed once each: a 1 M-row COPY is long enough that one run is stable.
 */
export async function benchFeedback(settings: SystemConfig['postgres']): Promise<Record<string, number | string>> {
  const results: Record<string, number | string> = { 'feedback.target_rows_per_second': 200_000 };
  const serverRows = predictions(SERVER_ROWS);

  // The server takes binary COPY (the chosen path); PGlite the text format. CPU time, as the wall clock of a
  // loaded machine says little.
  const binaryCpu = process.cpuUsage();
  let bytes = 0;
  for (const chunk of encodeCopyBinary(TABLE_SPECS.predictions, serverRows)) bytes += chunk.length;
  results['feedback.encode_binary_rows_per_cpu_second'] = Math.round(SERVER_ROWS / cpuSeconds(binaryCpu));
  results['feedback.copy_bytes_per_row'] = Math.round(bytes / SERVER_ROWS);
  const textCpu = process.cpuUsage();
  for (const chunk of encodeCopyText(TABLE_SPECS.predictions, serverRows)) bytes += chunk.length;
  results['feedback.encode_text_rows_per_cpu_second'] = Math.round(SERVER_ROWS / cpuSeconds(textCpu));

  const base = resolveFeedbackTarget({ ...settings, embedded: false }, process.env, '/nonexistent');
  const name = `intraday_bench_${process.pid}`;
  let admin: SqlSession | undefined;
  try {
    admin = await openSqlSession(base, process.env);
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    results['feedback.postgres_skipped'] = `no server: ${(error as Error).message}`;
  }
  if (admin && base.kind === 'postgres') {
    const session = await openSqlSession({ ...base, database: name }, process.env);
    try {
      await migrate(session, readMigrations());
      const serverBefore = await serverCpuSeconds(admin, name);
      const timing = await timeAppend(session, serverRows);
      const serverAfter = await serverCpuSeconds(admin, name);
      results['feedback.copy_rows'] = SERVER_ROWS;
      const binary = await session.transaction((tx) => Promise.resolve(tx.copyFromBinary !== undefined));
      results['feedback.copy_format'] = `${binary ? 'binary' : 'text'}, one stream, one transaction`;
      results['feedback.load_average_1m'] = round(loadavg()[0]!);
      results['feedback.copy_seconds'] = round(timing.seconds);
      results['feedback.copy_rows_per_second'] = Math.round(SERVER_ROWS / timing.seconds);
      // On a loaded machine wall time says little; CPU time of each side bounds what an idle machine would do
      // (client and server work overlap, so the larger of the two is the limit).
      results['feedback.copy_client_cpu_seconds'] = round(timing.clientCpuSeconds);
      if (serverBefore !== null && serverAfter !== null) {
        const serverCpu = serverAfter - serverBefore;
        results['feedback.copy_server_cpu_seconds'] = round(serverCpu);
        results['feedback.copy_cpu_bound_rows_per_second'] = Math.round(
          SERVER_ROWS / Math.max(timing.clientCpuSeconds, serverCpu),
        );
      }
    } finally {
      await session.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    }
  }

  const embedded = await PgliteSession.open('memory://');
  try {
    await migrate(embedded, readMigrations());
    const timing = await timeAppend(embedded, serverRows.slice(0, PGLITE_ROWS));
    results['feedback.pglite_copy_rows'] = PGLITE_ROWS;
    results['feedback.pglite_copy_rows_per_second'] = Math.round(PGLITE_ROWS / timing.seconds);
    results['feedback.pglite_cpu_bound_rows_per_second'] = Math.round(PGLITE_ROWS / timing.clientCpuSeconds);
  } finally {
    await embedded.close();
  }
  return results;
}
