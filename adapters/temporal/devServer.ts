import { Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { AppError } from '../../core/AppError.js';

/** How to start `temporal server start-dev`. */
export interface DevServerOptions {
  /** The Temporal CLI binary (resolveTemporalCli). */
  readonly cli: string;
  /** SQLite file that keeps history across runs; in memory when absent. */
  readonly dbFile?: string;
  /** Frontend port; a free one when absent. */
  readonly port?: number;
  /** Web UI port; no UI when absent (headless). */
  readonly uiPort?: number;
  /** How long to wait for the frontend to answer (default 90 s: a first start on a busy 2-core machine is slow). */
  readonly readyTimeoutMs?: number;
}

export interface DevServer {
  /** host:port of the frontend. */
  readonly address: string;
  /** http://127.0.0.1:<ui port> when the UI runs, else null. */
  readonly uiUrl: string | null;
  readonly process: ChildProcess;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone. */
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Resolves once the frontend at `address` answers GetSystemInfo; rejects after `timeoutMs`. */
export async function waitForFrontend(address: string, timeoutMs: number, exited?: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const reason = exited?.();
    if (reason) throw new AppError('TEMPORAL_SERVER_FAILED', reason);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      last = (error as Error).message;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new AppError(
    'TEMPORAL_SERVER_TIMEOUT',
    `the Temporal server at ${address} did not answer within ${timeoutMs / 1000} s (last error: ${last})`,
  );
}

/**
 * Starts the Temporal dev server (a real server: frontend, history, matching and visibility on SQLite) on
 * loopback and waits until it answers. We start it ourselves rather than through the SDK's createLocal, whose
 * start-up window is a hard-coded 5 s.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  // The server picks free ports for its internal services itself, then binds them a moment later; another process
  // (a parallel test's server) can take one in between, and the server exits with "address already in use". That
  // race is retried with fresh ports; any other failure, or a third collision, is reported.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      const collided = error instanceof AppError && /address already in use/.test(error.message);
      if (!collided || attempt >= 3) throw error;
    }
  }
}

async function startOnce(options: DevServerOptions): Promise<DevServer> {
  const port = options.port ?? (await freePort());
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'];
  args.push('--http-port', String(await freePort()), '--metrics-port', String(await freePort()));
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=WAL');
  }
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString('utf8'));
    if (output.length > 50) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exit: string | null = null;
  child.once('exit', (code, signal) => {
    exit = `the Temporal dev server exited (${signal ?? `code ${code}`}) before answering: ${output.join('').trim().slice(-2000)}`;
  });
  child.once('error', (error) => {
    exit = `the Temporal dev server did not start (${options.cli}): ${error.message}`;
  });
  const address = `127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  };
  try {
    await waitForFrontend(address, options.readyTimeoutMs ?? 90_000, () => exit);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    address,
    uiUrl: options.uiPort === undefined ? null : `http://127.0.0.1:${options.uiPort}`,
    process: child,
    stop,
  };
}
