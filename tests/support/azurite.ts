import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './sharedData.js';

/** Azurite's published development account (https://learn.microsoft.com/azure/storage/common/storage-use-azurite). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** A running Azurite blob service on loopback. */
export interface Azurite {
  /** Connection string of the well-known development account (tests only; never a real secret). */
  readonly connectionString: string;
  readonly port: number;
  /** Stops the server; safe to call twice. */
  readonly stop: () => Promise<void>;
}

/**
 * Starts the real Azurite blob service from node_modules on a free loopback port (port 0: the server picks one and
 * prints it), in memory, and resolves once it listens. Call `stop` in afterAll.
 */
export async function startAzurite(timeoutMs = 30_000): Promise<Azurite> {
  // In-memory persistence keeps nothing on disk; the scratch cwd catches anything Azurite writes regardless.
  const cwd = await mkdtemp(join(tmpdir(), 'azurite-'));
  const child = spawn(
    join(REPO_ROOT, 'node_modules', '.bin', 'azurite-blob'),
    [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit',
      '1024',
      '--silent',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
    ],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await rm(cwd, { recursive: true, force: true });
  };
  try {
    const port = await listeningPort(child, timeoutMs);
    const connectionString =
      `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
    return { connectionString, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => finish(new Error(`Azurite did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (data: Buffer): void => {
      output += data.toString();
      const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) finish(undefined, Number(match[1]));
    };
    const onExit = (code: number | null): void => finish(new Error(`Azurite exited with code ${code}:\n${output}`));
    function finish(error?: Error, port?: number): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining the pipes so Azurite never blocks on a full one.
      child.stdout?.resume();
      child.stderr?.resume();
      if (error) reject(error);
      else resolve(port!);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
