import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevServer } from './devServer.js';

/**
 * The retry on a port collision, with a stand-in for the Temporal CLI (a shell script: a real collision cannot be
 * provoked on demand). The real server is started by the integration tests.
 */
function fakeCli(message: string): { cli: string; calls: () => number } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-temporal-'));
  const cli = join(dir, 'temporal');
  const count = join(dir, 'calls');
  writeFileSync(count, '');
  writeFileSync(cli, `#!/bin/sh\necho x >> '${count}'\necho '${message}' >&2\nexit 2\n`);
  chmodSync(cli, 0o755);
  return { cli, calls: () => readFileSync(count, 'utf8').split('\n').filter(Boolean).length };
}

describe('startDevServer', () => {
  it('retries a server that lost one of its ports to another process, then reports the collision', async () => {
    const fake = fakeCli('Failed to start gRPC listener: listen tcp 127.0.0.1:43065: bind: address already in use');
    const error = await startDevServer({ cli: fake.cli, readyTimeoutMs: 10_000 }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('address already in use');
    expect(fake.calls()).toBe(3);
  });

  it('does not retry any other start-up failure', async () => {
    const fake = fakeCli('unknown flag: --headless');
    const error = await startDevServer({ cli: fake.cli, readyTimeoutMs: 10_000 }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('unknown flag');
    expect(fake.calls()).toBe(1);
  });
});
