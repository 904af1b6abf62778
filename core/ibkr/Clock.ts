/**
 * Time as the Interactive Brokers adapter sees it: the current UTC instant and a way to wait. The system clock
 * implements it with `Date.now` and timers; tests and the benchmark use a virtual clock, so a year of paced
 * requests runs in seconds.
 */
export interface Clock {
  /** UTC epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` (immediately for ms <= 0); rejects with the signal's reason when aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Marks outside work in progress (a request on the wire). A virtual clock does not jump ahead while work is
   * held, so replies take no simulated time; the system clock ignores it. Call the returned function once done.
   */
  hold(): () => void;
}
