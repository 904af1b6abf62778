import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/sharedData.js';

const run = promisify(execFile);

describe('scripts/setup/redis.sh', () => {
  it('is quiet and quick when Redis already answers on loopback', async () => {
    const started = performance.now();

    const { stdout, stderr } = await run('bash', ['scripts/setup/redis.sh'], { cwd: REPO_ROOT });

    expect({ stdout, stderr }).toEqual({ stdout: '', stderr: '' });
    expect(performance.now() - started, 'a second run only sends one PING').toBeLessThan(5_000);
  });

  it('leaves a remote REDIS_URL alone (nothing to install or start)', async () => {
    const env = { ...process.env, REDIS_URL: 'rediss://:secret@cache.example.net:6380' };

    const { stdout, stderr } = await run('bash', ['scripts/setup/redis.sh'], { cwd: REPO_ROOT, env });

    expect({ stdout, stderr }).toEqual({ stdout: '', stderr: '' });
  });
});
