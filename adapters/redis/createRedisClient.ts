import { Redis } from 'ioredis';
import type { RedisConnection } from './redisConnection.js';

/** What the connection reports: every error and reconnect is handed to the caller, never swallowed. */
export type RedisConnectionEvent =
  | { readonly kind: 'ready'; readonly target: string; readonly name: string }
  | { readonly kind: 'error'; readonly target: string; readonly name: string; readonly message: string }
  | { readonly kind: 'closed'; readonly target: string; readonly name: string }
  | {
      readonly kind: 'reconnecting';
      readonly target: string;
      readonly name: string;
      readonly attempt: number;
      readonly delayMs: number;
    };

export interface RedisClientOptions {
  /** Shown in CLIENT LIST and in every event. */
  readonly name?: string;
  /**
   * Bound on one command, including the time it waits in the offline queue while the connection is down; past it
   * the command fails with REDIS_UNAVAILABLE. Blocking reads (XREADGROUP BLOCK) must block for less than this.
   */
  readonly commandTimeoutMs?: number;
  /** Longest pause between two reconnection attempts (the backoff doubles from 50 ms up to it). */
  readonly maxReconnectDelayMs?: number;
  /** Receives every connection event; the default writes errors and reconnects to stderr as one JSON line each. */
  readonly onEvent?: (event: RedisConnectionEvent) => void;
}

/** Defaults of RedisClientOptions. */
export const REDIS_CLIENT_DEFAULTS = { commandTimeoutMs: 2_000, maxReconnectDelayMs: 2_000 } as const;

function writeToStderr(event: RedisConnectionEvent): void {
  if (event.kind === 'error' || event.kind === 'reconnecting') {
    process.stderr.write(`${JSON.stringify({ redis: event })}\n`);
  }
}

/** The reconnect backoff: 50 ms doubling per attempt, capped (exported for its test). */
export function reconnectDelay(attempt: number, maxDelayMs: number): number {
  return Math.min(50 * 2 ** Math.min(attempt - 1, 20), maxDelayMs);
}

/**
 * An ioredis client that reconnects forever with a capped backoff, reports every error and reconnect through
 * `onEvent`, and fails each command after `commandTimeoutMs` instead of waiting for the connection to return.
 *
 * Commands already sent when a connection breaks are NOT resent on reconnect (`autoResendUnfulfilledCommands:
 * false`): their outcome is unknown, so they fail with REDIS_UNAVAILABLE and the caller retries (every write in
 * this folder is idempotent or guarded). Commands issued while disconnected wait in the offline queue and go out
 * once the connection is back, within the command timeout.
 */
export function createRedisClient(connection: RedisConnection, options: RedisClientOptions = {}): Redis {
  const name = options.name ?? 'intraday';
  const onEvent = options.onEvent ?? writeToStderr;
  const maxDelay = options.maxReconnectDelayMs ?? REDIS_CLIENT_DEFAULTS.maxReconnectDelayMs;
  const commandTimeout = options.commandTimeoutMs ?? REDIS_CLIENT_DEFAULTS.commandTimeoutMs;
  const target = connection.target;
  const client = new Redis(connection.url, {
    connectionName: name,
    commandTimeout,
    connectTimeout: Math.max(commandTimeout, 1_000),
    // The command timeout is the bound; counting reconnect attempts per command would be a second, vaguer one.
    maxRetriesPerRequest: null,
    autoResendUnfulfilledCommands: false,
    enableOfflineQueue: true,
    retryStrategy: (attempt: number) => {
      const delayMs = reconnectDelay(attempt, maxDelay);
      onEvent({ kind: 'reconnecting', target, name, attempt, delayMs });
      return delayMs;
    },
  });
  client.on('error', (error: Error) => onEvent({ kind: 'error', target, name, message: error.message }));
  client.on('ready', () => onEvent({ kind: 'ready', target, name }));
  client.on('close', () => onEvent({ kind: 'closed', target, name }));
  return client;
}
