import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../adapters/temporal/devServer.js';
import { servedAddress, startResearchStack } from '../../workers/research/researchStack.js';
import { intraday } from '../support/runCli.js';
import { REPO_ROOT } from '../support/sharedData.js';
import { tempDataDir } from '../support/temporalKit.js';

const BIN = join(REPO_ROOT, 'bin', 'intraday.js');

/** The environment of a CLI run on `dataDir` with no TEMPORAL_ADDRESS, as on a bare machine. */
function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, INTRADAY_DATA_DIR: dataDir };
  delete env['TEMPORAL_ADDRESS'];
  return env;
}

async function waitFor(done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A pid that no process holds: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

// The real CLI and the real dev server: `intraday temporal-serve` keeps the embedded server of a data folder up, and
// every embedded run on that folder (demo, experiment run/list) must use it instead of starting a second server on
// the same SQLite history.
describe('intraday temporal-serve', () => {
  const dataDir = tempDataDir('serve');
  const marker = join(dataDir, 'temporal', 'serve.json');
  let child: ChildProcess;
  let port = 0;
  let stderr = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    port = await freePort();
    const uiPort = await freePort();
    child = spawn(process.execPath, [BIN, 'temporal-serve', '--port', String(port), '--ui-port', String(uiPort)], {
      env: embeddedEnv(dataDir),
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(
      () => existsSync(marker) || child.exitCode !== null,
      90_000,
      () => `serve.json (stderr: ${stderr})`,
    );
    if (!existsSync(marker)) throw new Error(`temporal-serve exited early: ${stderr}`);
  }, 120_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  // One lifecycle in order (tests in a file run shuffled, so the steps cannot be separate tests).
  it('records its address, embedded stacks on the folder connect to it, `experiment list` runs beside it, and it cleans up on SIGTERM', async () => {
    const served = JSON.parse(readFileSync(marker, 'utf8')) as { address: string; pid: number };
    expect(served.address).toMatch(new RegExp(`:${port}$`));
    expect(served.pid).toBeGreaterThan(0);
    expect(servedAddress(dataDir)).toBe(served.address);
    expect(stderr).toContain(`Temporal at ${served.address}`);

    const stack = await startResearchStack({
      namespace: 'default',
      packageRoot: REPO_ROOT,
      dataDir,
      workers: false,
      blobKind: 'local',
    });
    try {
      expect(stack.embedded).toBe(false);
      expect(stack.address).toBe(served.address);
      await expect(stack.client.workflow.count()).resolves.toMatchObject({ count: 0 });
    } finally {
      await stack.stop();
    }
    // The stack did not own the server: it is still up after the stack stopped.
    expect(servedAddress(dataDir)).toBe(served.address);

    const listed = await intraday(['experiment', 'list', '--json'], embeddedEnv(dataDir) as Record<string, string>);
    expect(listed.code, listed.err).toBe(0);
    expect(JSON.parse(listed.out)).toEqual([]);

    child.kill('SIGTERM');
    await expect(exited).resolves.toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(servedAddress(dataDir)).toBeNull();
  }, 120_000);
});

describe('servedAddress', () => {
  it('is null without serve.json and for a serve.json whose process is gone', async () => {
    const dataDir = tempDataDir('served');
    try {
      expect(servedAddress(dataDir)).toBeNull();
      mkdirSync(join(dataDir, 'temporal'), { recursive: true });
      const marker = join(dataDir, 'temporal', 'serve.json');
      writeFileSync(marker, JSON.stringify({ address: '127.0.0.1:1', pid: await deadPid() }));
      expect(servedAddress(dataDir)).toBeNull();
      writeFileSync(marker, JSON.stringify({ address: '127.0.0.1:2', pid: process.pid }));
      expect(servedAddress(dataDir)).toBe('127.0.0.1:2');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
