/** The fake's notion of now, in UTC epoch milliseconds. Tests pass a virtual clock; the CLI uses the system clock. */
export interface Clock {
  now(): number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to, so pacing windows can be crossed without waiting. */
export interface VirtualClock extends Clock {
  /** Moves the clock forward by `ms` (never backward). */
  advance(ms: number): void;
  /** Sets the clock to `ms`; throws when that would move it backward. */
  set(ms: number): void;
}

/** Creates a virtual clock starting at `startMs`. */
export function createVirtualClock(startMs: number): VirtualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number): void {
      if (!(ms >= 0)) throw new Error(`a virtual clock only moves forward, was asked to advance by ${ms} ms`);
      current += ms;
    },
    set(ms: number): void {
      if (ms < current) throw new Error(`a virtual clock only moves forward: ${ms} is before ${current}`);
      current = ms;
    },
  };
}
