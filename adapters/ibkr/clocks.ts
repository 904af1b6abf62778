import type { Clock } from '../../core/ibkr/Clock.js';

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/** The wall clock: `Date.now` and real timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
  hold: () => () => undefined,
};

interface Sleeper {
  readonly atMs: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/**
 * Simulated time for tests and the benchmark. Time stands still while anyone holds the clock (a request is on the
 * wire, a file is being written) and jumps to the next sleeper once every holder is done, so replies take no
 * simulated time and waits take no real time. When holders make no progress for `stallMs` real milliseconds
 * (a gateway that never answers), time moves on anyway so that timeouts can fire.
 */
export class VirtualClock implements Clock {
  private current: number;
  private readonly stallMs: number;
  private sleepers: Sleeper[] = [];
  private holds = 0;
  private seq = 0;
  private readonly quietMs: number;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `quietMs`: real time with nothing held and nothing happening before time jumps; it lets bytes already written
   * to a loopback socket reach an in-process gateway first. `stallMs`: see the class comment.
   */
  constructor(startMs: number, options: { stallMs?: number; quietMs?: number } = {}) {
    this.current = startMs;
    this.stallMs = options.stallMs ?? 250;
    this.quietMs = options.quietMs ?? 5;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward by hand (never backward), waking every sleeper that is due. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`a virtual clock only moves forward, was asked to advance by ${ms} ms`);
    this.moveTo(this.current + ms);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      if (ms <= 0) return resolve();
      const sleeper: Sleeper = {
        atMs: this.current + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((other) => other !== sleeper);
        reject(abortReason(signal!));
        this.activity();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(sleeper);
      this.activity();
    });
  }

  hold(): () => void {
    this.holds += 1;
    let released = false;
    this.activity();
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      this.activity();
    };
  }

  /** Sleepers still waiting (for tests of the clock itself). */
  get pending(): number {
    return this.sleepers.length;
  }

  private moveTo(targetMs: number): void {
    this.current = Math.max(this.current, targetMs);
    const due = this.sleepers.filter((sleeper) => sleeper.atMs <= this.current);
    if (due.length === 0) return;
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.atMs > this.current);
    due.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
    for (const sleeper of due) sleeper.resolve();
  }

  /** Something changed: re-arm the stall timer and look, after pending callbacks ran, whether time may move. */
  private activity(): void {
    if (this.stallTimer !== undefined) clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
    if (this.sleepers.length > 0 && this.holds > 0) {
      this.stallTimer = setTimeout(() => {
        this.stallTimer = undefined;
        this.jump();
      }, this.stallMs);
      this.stallTimer.unref?.();
    }
    if (this.quietTimer !== undefined) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      if (this.holds === 0) this.jump();
    }, this.quietMs);
  }

  private jump(): void {
    if (this.sleepers.length === 0) return;
    const next = Math.min(...this.sleepers.map((sleeper) => sleeper.atMs));
    this.moveTo(next);
    this.activity();
  }
}
