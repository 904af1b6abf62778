import type { Clock } from '../../core/ibkr/Clock.js';

/** What the heartbeat needs from a connection. */
export interface HeartbeatTarget {
  readonly clock: Clock;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  /** Aborted when the connection closes for good. */
  readonly signal: AbortSignal;
  /** False once the connection this heartbeat watches was replaced or dropped. */
  isCurrent(): boolean;
  /** Sends the probe (reqCurrentTime). */
  probe(): void;
  /** Resolves on the next message received, whatever it is. */
  nextTraffic(): Promise<void>;
  /** Called once when a probe got no traffic back in time. */
  onSilent(reason: string): void;
}

/**
 * Probes every `intervalMs` and declares the socket silent (half-open) when nothing at all arrives within
 * `timeoutMs`: @stoqey/ib itself only notices a socket that closed, not one that stopped answering.
 */
export async function runHeartbeat(target: HeartbeatTarget): Promise<void> {
  const { clock } = target;
  try {
    for (;;) {
      await clock.sleep(target.intervalMs, target.signal);
      if (!target.isCurrent()) return;
      const release = clock.hold();
      const deadline = new AbortController();
      const timedOut = clock.sleep(target.timeoutMs, deadline.signal).then(
        () => false,
        () => true,
      );
      const replied = target.nextTraffic().then(() => true);
      target.probe();
      const alive = await Promise.race([replied, timedOut]);
      deadline.abort();
      release();
      if (!target.isCurrent()) return;
      if (!alive) {
        target.onSilent(`no reply to the heartbeat within ${target.timeoutMs} ms (silent socket)`);
        return;
      }
    }
  } catch {
    // Closed while waiting: nothing left to watch.
  }
}
