import type { Clock } from '../../core/ibkr/Clock.js';

/**
 * @stoqey/ib queues messages behind its rate limiter; until one is on the wire, time has not reached the gateway
 * yet, so a virtual clock must not move (the system clock ignores holds). One hold per message handed to the
 * library, keyed `msgId:reqId`, released by the library's `sent` event for that message.
 */
export class UnsentHolds {
  private readonly clock: Clock;
  private readonly holds = new Map<string, () => void>();

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Holds the clock for the message `key` (`20:<reqId>` for reqHistoricalData, `25:<reqId>` for its cancel). */
  hold(key: string): void {
    this.holds.get(key)?.();
    this.holds.set(key, this.clock.hold());
  }

  /** Releases the hold of a message the library reports as written (its token list). */
  releaseSent(tokens: readonly unknown[]): void {
    const id = String(tokens[0]);
    const key = id === '20' ? `20:${String(tokens[1])}` : id === '25' ? `25:${String(tokens[2])}` : undefined;
    if (key === undefined) return;
    this.holds.get(key)?.();
    this.holds.delete(key);
  }

  /** Releases everything (the client was dropped with its queue). */
  releaseAll(): void {
    for (const release of this.holds.values()) release();
    this.holds.clear();
  }
}
