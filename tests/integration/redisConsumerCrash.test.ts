import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEntry } from '../../adapters/redis/appendEntry.js';
import { ensureGroup } from '../../adapters/redis/ensureGroup.js';
import { readDeadLetters } from '../../adapters/redis/readDeadLetters.js';
import { StreamConsumer } from '../../adapters/redis/StreamConsumer.js';
import { compareIds } from '../../adapters/redis/StreamEntry.js';
import { openRedisTestKit, type RedisTestKit } from '../support/redisTestKit.js';
import { REPO_ROOT } from '../support/sharedData.js';

// A real consumer process is SIGKILLed in the middle of a batch (inside a handler, before its commit), against the
// real redis-server; its pending entries are then recovered and every entry's effect must be applied exactly once.
let kit: RedisTestKit;
const STREAM = 'crash';
const TOTAL = 200;

beforeAll(async () => {
  kit = await openRedisTestKit('crash');
});

afterAll(async () => {
  await kit.cleanup();
});

interface ChildLine {
  readonly read?: string[];
  readonly dyingIn?: string;
  readonly finished?: number;
}

/** Starts the crash consumer; answers the ids it read and the one it was killed in (null if it finished). */
async function runAndKill(consumer: string, batch: number, crashAfter: number) {
  const child = spawn(
    process.execPath,
    ['--import', './tests/support/registerTs.js', 'tests/support/redisCrashConsumer.ts'],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        CRASH_PREFIX: kit.prefix,
        CRASH_STREAM: STREAM,
        CRASH_CONSUMER: consumer,
        CRASH_BATCH: String(batch),
        CRASH_AFTER: String(crashAfter),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let read: string[] = [];
  let dyingIn: string | null = null;
  for await (const line of createInterface({ input: child.stdout })) {
    const message = JSON.parse(line) as ChildLine;
    if (message.read) read = message.read;
    if (message.dyingIn) {
      dyingIn = message.dyingIn;
      child.kill('SIGKILL');
      break;
    }
  }
  const exit = await exited;
  if (dyingIn === null) throw new Error(`the consumer ended without crashing: ${JSON.stringify(exit)} ${stderr}`);
  expect(exit.signal, stderr).toBe('SIGKILL');
  return { read, dyingIn };
}

async function pendingOf(consumer: string): Promise<string[]> {
  const key = `${kit.prefix}stream:{${STREAM}}`;
  const rows = (await kit.client.xpending(key, 'g', '-', '+', 10_000, consumer)) as [string, ...unknown[]][];
  return rows.map(([id]) => id);
}

describe('a Redis Streams consumer killed mid-batch', () => {
  it(
    'loses nothing and applies every entry exactly once after restarts and a takeover',
    { timeout: 180_000 },
    async () => {
      await ensureGroup(kit.client, kit.connection, STREAM, 'g');
      const ids: string[] = [];
      for (let i = 0; i < TOTAL; i++) ids.push(await appendEntry(kit.client, kit.connection, STREAM, { n: String(i) }));
      const appliedKey = `${kit.prefix}crash:applied`;

      // 1. A consumer reads 50, commits 20 and is killed inside the 21st handler.
      const first = await runAndKill('worker-a', 50, 20);
      expect(first.read).toEqual(ids.slice(0, 50));
      expect(first.dyingIn).toBe(ids[20]);
      expect(await kit.client.hlen(appliedKey)).toBe(20);
      expect(await pendingOf('worker-a'), 'the 30 uncommitted entries stay pending').toEqual(ids.slice(20, 50));

      // 2. It restarts under the same name, resumes its own 30 pending entries, commits 10 and is killed again.
      const second = await runAndKill('worker-a', 50, 10);
      expect(second.read, 'a restart resumes its own pending entries first').toEqual(ids.slice(20, 50));
      expect(await kit.client.hlen(appliedKey)).toBe(30);

      // 3. Another consumer takes over once they have been idle long enough, then reads the rest of the stream.
      const survivor = new StreamConsumer(kit.client, kit.connection, {
        stream: STREAM,
        group: 'g',
        consumer: 'worker-b',
        minIdleMs: 1,
        blockMs: 50,
        batchSize: 64,
        onReport: () => undefined,
      });
      let handled = 0;
      for (let round = 0; round < 20; round++) {
        const result = await survivor.runOnce((entry) => {
          handled++;
          return [{ op: 'hincrby', key: 'crash:applied', field: entry.id, by: 1 }];
        });
        if (result.read === 0) break;
      }

      const applied = await kit.client.hgetall(appliedKey);
      expect(Object.keys(applied).sort(compareIds), 'every entry applied, none lost').toEqual(ids);
      expect(
        Object.entries(applied).filter(([, count]) => count !== '1'),
        'none applied twice',
      ).toEqual([]);
      expect(handled, 'the survivor handled exactly what the dead workers left').toBe(TOTAL - 30);
      expect(await pendingOf('worker-a')).toEqual([]);
      expect(await pendingOf('worker-b')).toEqual([]);
      expect(await readDeadLetters(kit.client, kit.connection, survivor.keys)).toEqual([]);
    },
  );
});
