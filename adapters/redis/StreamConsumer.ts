import type { Redis } from 'ioredis';
import { AppError } from '../../core/AppError.js';
import { RedisInputError } from './errors.js';
import { checkName } from './limits.js';
import type { RedisConnection } from './redisConnection.js';
import { runRedis } from './runRedis.js';
import { encodeEffects, type StreamEffect } from './streamEffects.js';
import type {
  BatchResult,
  RecoveredEntries,
  StreamConsumerOptions,
  StreamHandler,
  StreamReport,
} from './streamConsumerTypes.js';
import { compareIds, entryTime, parseEntries, type StreamEntry } from './StreamEntry.js';
import { streamKeys, type StreamKeys } from './streamKeys.js';
import { COMMIT_ENTRY, DEAD_LETTER_ENTRY } from './streamScripts.js';

const DEFAULTS = {
  batchSize: 100,
  blockMs: 500,
  minIdleMs: 30_000,
  maxDeliveries: 5,
  settledRetentionMs: 24 * 3_600_000,
  deadLetterMaxLen: 100_000,
  recoverEvery: 100,
} as const;

const positive = (what: string, value: number): number => {
  if (!Number.isSafeInteger(value) || value < 1) throw new RedisInputError(what, 'a whole number >= 1', value);
  return value;
};

/**
 * One consumer of a Redis Streams consumer group with exactly-once effects: each entry's effects, its "settled"
 * mark and its XACK are one atomic script, so an entry is either fully processed or not at all, and a redelivered
 * entry that is already settled is acknowledged without running the handler. Entries of a dead consumer are
 * recovered (its own history on restart; XAUTOCLAIM of other consumers' idle entries), and an entry handed out more
 * than `maxDeliveries` times goes to the dead-letter stream with the reason. One instance per consumer name at a
 * time; its calls must not overlap (a blocking read holds the connection).
 */
export class StreamConsumer {
  readonly keys: StreamKeys;
  readonly options: Required<Omit<StreamConsumerOptions, 'onReport'>>;
  readonly #client: Redis;
  readonly #connection: RedisConnection;
  readonly #report: (report: StreamReport) => void;
  #claimCursor = '0-0';
  #batchesSinceRecovery: number;

  constructor(client: Redis, connection: RedisConnection, options: StreamConsumerOptions) {
    checkName('stream', options.stream);
    checkName('group', options.group);
    checkName('consumer', options.consumer);
    const settings = { ...DEFAULTS, ...options };
    for (const name of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) positive(name, settings[name]);
    const timeout = client.options.commandTimeout;
    if (timeout !== undefined && settings.blockMs >= timeout) {
      throw new RedisInputError('blockMs', `below the client's command timeout of ${timeout} ms`, settings.blockMs);
    }
    const { onReport, ...rest } = settings;
    this.options = rest;
    this.#report = onReport ?? ((report) => process.stderr.write(`${JSON.stringify({ stream: report })}\n`));
    this.#client = client;
    this.#connection = connection;
    this.#batchesSinceRecovery = settings.recoverEvery;
    this.keys = streamKeys(connection.keyPrefix, options.stream, options.group);
  }

  /** New entries for this consumer (XREADGROUP >), waiting up to `blockMs`; empty when none came. */
  async read(): Promise<StreamEntry[]> {
    const { group, consumer, batchSize, blockMs } = this.options;
    const reply = await this.#run('XREADGROUP', () =>
      this.#client.xreadgroup(
        'GROUP',
        group,
        consumer,
        'COUNT',
        batchSize,
        'BLOCK',
        blockMs,
        'STREAMS',
        this.keys.stream,
        '>',
      ),
    );
    if (reply === null) return [];
    const [[, raw]] = reply as [[string, unknown]];
    return parseEntries(this.keys.stream, raw).entries;
  }

  /**
   * Entries to handle again: first this consumer's own pending entries (a restarted process under the same name),
   * then other consumers' entries idle for `minIdleMs` (their process died), claimed with XAUTOCLAIM. Entries handed
   * out more than `maxDeliveries` times go to the dead-letter stream instead; trimmed ones are reported and acked.
   */
  async recover(): Promise<RecoveredEntries> {
    const { group, consumer, batchSize, minIdleMs } = this.options;
    const own = await this.#run('XREADGROUP (own pending)', () =>
      this.#client.xreadgroup('GROUP', group, consumer, 'COUNT', batchSize, 'STREAMS', this.keys.stream, '0'),
    );
    const ownRaw = own === null ? [] : (own as [[string, unknown]])[0][1];
    const found = parseEntries(this.keys.stream, ownRaw);
    if (found.entries.length + found.trimmed.length < batchSize) {
      const claimed = (await this.#run('XAUTOCLAIM', () =>
        this.#client.xautoclaim(this.keys.stream, group, consumer, minIdleMs, this.#claimCursor, 'COUNT', batchSize),
      )) as [string, unknown, string[]?];
      this.#claimCursor = claimed[0];
      const more = parseEntries(this.keys.stream, claimed[1]);
      found.entries.push(...more.entries);
      // Redis 7 lists entries it dropped from the pending list because the stream no longer holds them.
      found.trimmed.push(...more.trimmed, ...(claimed[2] ?? []));
    }
    // XAUTOCLAIM lists a trimmed entry of ours again (whatever its idle time) after our own read found it.
    const trimmed = [...new Set(found.trimmed)];
    if (trimmed.length > 0) {
      await this.#run('XACK (trimmed)', () => this.#client.xack(this.keys.stream, group, ...trimmed));
      this.#report({ kind: 'trimmed', ids: trimmed });
    }
    if (found.entries.length === 0) return { entries: [], deadLettered: 0, trimmed: trimmed.length };
    const deliveries = await this.#deliveries(found.entries);
    const keep: StreamEntry[] = [];
    let deadLettered = 0;
    for (const entry of found.entries) {
      const count = deliveries.get(entry.id) ?? 0;
      if (count > this.options.maxDeliveries) {
        const reason = `delivered ${count} times, more than maxDeliveries ${this.options.maxDeliveries}`;
        if ((await this.deadLetter(entry.id, reason, count)) !== '') deadLettered++;
      } else {
        keep.push(entry);
      }
    }
    return { entries: keep, deadLettered, trimmed: trimmed.length };
  }

  /**
   * Runs the handler on each entry not yet settled and commits its effects with the acknowledgement. A handler that
   * throws, or whose effects Redis refuses, leaves its entry pending (retried by `recover`, dead-lettered past
   * `maxDeliveries`) and is reported; REDIS_UNAVAILABLE stops the batch (the caller retries).
   */
  async handle(entries: readonly StreamEntry[], handler: StreamHandler): Promise<BatchResult> {
    let applied = 0;
    let duplicates = 0;
    let failed = 0;
    const settled = await this.#settledAmong(entries);
    for (const entry of entries) {
      if (settled.has(entry.id)) {
        await this.commit(entry, []);
        duplicates++;
        this.#report({ kind: 'duplicate', id: entry.id });
        continue;
      }
      let effects: readonly StreamEffect[];
      try {
        effects = await handler(entry);
      } catch (error) {
        failed++;
        await this.#recordFailure(entry.id, error);
        continue;
      }
      let committed: boolean;
      try {
        committed = await this.commit(entry, effects);
      } catch (error) {
        // Effects Redis refuses (bad input, wrong key type) fail this entry like a throwing handler; a connection
        // problem stops the batch, and the entry stays pending for the retry.
        if (error instanceof AppError && error.code !== 'REDIS_UNAVAILABLE') {
          failed++;
          await this.#recordFailure(entry.id, error);
          continue;
        }
        throw error;
      }
      if (committed) {
        applied++;
      } else {
        duplicates++;
        this.#report({ kind: 'duplicate', id: entry.id });
      }
    }
    return { applied, duplicates, failed, deadLettered: 0 };
  }

  /** One step of a consumer loop: recovered entries first, else new ones; then handle them. */
  async runOnce(handler: StreamHandler): Promise<BatchResult & { readonly read: number }> {
    const recovered = this.#recoverDue() ? await this.recover() : { entries: [], deadLettered: 0, trimmed: 0 };
    let entries = recovered.entries;
    if (entries.length === 0 && recovered.deadLettered === 0) {
      entries = await this.read();
      // An idle moment is a cheap one to look for other consumers' stranded entries.
      if (entries.length === 0) this.#batchesSinceRecovery = this.options.recoverEvery;
    }
    const result = await this.handle(entries, handler);
    if (result.failed > 0) this.#batchesSinceRecovery = this.options.recoverEvery;
    return { ...result, deadLettered: recovered.deadLettered, read: entries.length };
  }

  /**
   * Recovery costs two round trips, so a busy loop runs it on its first call, after a failure, when the stream was
   * idle, and every `recoverEvery` batches, instead of before every batch.
   */
  #recoverDue(): boolean {
    if (this.#batchesSinceRecovery < this.options.recoverEvery) {
      this.#batchesSinceRecovery++;
      return false;
    }
    this.#batchesSinceRecovery = 1;
    return true;
  }

  /**
   * Applies `effects`, marks the entry settled and acknowledges it, atomically. Answers false when the entry was
   * already settled (then only the acknowledgement happens). Safe to retry after REDIS_UNAVAILABLE.
   */
  async commit(entry: StreamEntry, effects: readonly StreamEffect[]): Promise<boolean> {
    const encoded = encodeEffects(this.#connection.keyPrefix, effects);
    const time = entryTime(entry.id);
    const keys = [this.keys.stream, this.keys.settled, this.keys.errors, ...encoded.keys];
    const args = [
      this.options.group,
      entry.id,
      time,
      time - this.options.settledRetentionMs,
      effects.length,
      ...encoded.args,
    ];
    const answer = await this.#run('commit', () => COMMIT_ENTRY.run(this.#client, keys, args));
    return answer === 1;
  }

  /** Moves an entry to the dead-letter stream with `reason`; answers the dead-letter id ('' if already settled). */
  async deadLetter(id: string, reason: string, deliveries: number): Promise<string> {
    const { group, deadLetterMaxLen } = this.options;
    const keys = [this.keys.stream, this.keys.settled, this.keys.errors, this.keys.deadLetter];
    const args = [group, id, entryTime(id), reason, deliveries, deadLetterMaxLen];
    const deadLetterId = (await this.#run('dead-letter', () =>
      DEAD_LETTER_ENTRY.run(this.#client, keys, args),
    )) as string;
    if (deadLetterId !== '') this.#report({ kind: 'dead_lettered', id, deadLetterId, deliveries, reason });
    return deadLetterId;
  }

  /** Delivery counts of entries pending for this consumer (XPENDING, extended form). */
  async #deliveries(entries: readonly StreamEntry[]): Promise<Map<string, number>> {
    const ids = entries.map((e) => e.id).sort(compareIds);
    const rows = (await this.#run('XPENDING', () =>
      this.#client.xpending(
        this.keys.stream,
        this.options.group,
        ids[0]!,
        ids.at(-1)!,
        Math.max(ids.length * 4, 1_000),
        this.options.consumer,
      ),
    )) as [string, string, number, number][];
    return new Map(rows.map(([id, , , count]) => [id, Number(count)]));
  }

  async #settledAmong(entries: readonly StreamEntry[]): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const ids = entries.map((e) => e.id);
    const scores = (await this.#run('ZMSCORE', () => this.#client.zmscore(this.keys.settled, ...ids))) as (
      string | null
    )[];
    return new Set(ids.filter((_, i) => scores[i] !== null));
  }

  async #recordFailure(id: string, error: unknown): Promise<void> {
    const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2_000);
    this.#report({ kind: 'handler_failed', id, error: message });
    await this.#run('HSET (handler error)', () => this.#client.hset(this.keys.errors, id, message));
  }

  #run<T>(command: string, call: () => Promise<T>): Promise<T> {
    return runRedis({ target: this.#connection.target, command, key: this.keys.stream, expectedType: 'stream' }, call);
  }
}
