import { InvalidPacingRequestError } from './errors.js';

/**
 * IB's historical-data pacing rules (tws-api/historical_limitations.html). Windows are closed on both ends, the
 * strictest reading: a start at exactly `t + windowMs` still counts the start at `t`.
 */
export interface PacingRules {
  /** Simultaneous open historical requests (IB: 50). */
  readonly maxOpen: number;
  /** Length of the long window (IB: 10 minutes). */
  readonly windowMs: number;
  /** Request weight allowed in any long window (IB: 60; BID_ASK weighs 2). */
  readonly maxPerWindow: number;
  /** An identical request must wait this long after the previous one (IB: 15 s). */
  readonly identicalGapMs: number;
  /** Length of the per-contract burst window (IB: 2 s). */
  readonly burstWindowMs: number;
  /**
   * Requests allowed per contract, exchange and tick type in a burst window (IB forbids 6, so 5). Weights count
   * here too (a BID_ASK request as two), the stricter reading.
   */
  readonly maxPerBurst: number;
  /** Extra spacing added to every time-based rule, for clock skew and network jitter against a real gateway. */
  readonly marginMs: number;
}

/** IB's published limits with a half-second margin. */
export const IB_PACING_RULES: PacingRules = {
  maxOpen: 50,
  windowMs: 600_000,
  maxPerWindow: 60,
  identicalGapMs: 15_000,
  burstWindowMs: 2_000,
  maxPerBurst: 5,
  marginMs: 500,
};

/** What the scheduler needs to know about one request. */
export interface PacingRequest {
  /** Identity of the request: two requests with the same key are "identical" for the 15-second rule. */
  readonly key: string;
  /** Contract, exchange and tick type: the scope of the burst rule. */
  readonly contractKey: string;
  /** Weight against the windows (BID_ASK requests count twice); 1 when absent. */
  readonly weight?: number;
}

/** One request start as the scheduler remembers it; persisted so a restarted process knows what IB still counts. */
export interface PacingStart {
  readonly atMs: number;
  readonly key: string;
  readonly contractKey: string;
  readonly weight: number;
}

/**
 * Decides when the next historical request may start so that no IB pacing rule is ever broken. Pure and
 * deterministic: the caller passes the time in, records each start and finish, and waits by its own clock.
 * Times passed in must never decrease.
 */
export class PacingScheduler {
  readonly rules: PacingRules;
  private readonly starts: PacingStart[] = [];
  private openCount = 0;
  private pausedUntilMs = -Infinity;
  private lastNowMs = -Infinity;

  constructor(rules: PacingRules = IB_PACING_RULES) {
    this.rules = rules;
  }

  /** Requests started and not yet finished. */
  get open(): number {
    return this.openCount;
  }

  /**
   * The earliest time at or after `nowMs` when `request` may start, or Infinity while the open-request limit
   * is reached (a finish must come first).
   */
  earliestStart(request: PacingRequest, nowMs: number): number {
    this.advance(nowMs);
    const weight = this.weightOf(request);
    if (this.openCount >= this.rules.maxOpen) return Infinity;
    const gap = this.rules.marginMs + 1;
    let earliest = Math.max(nowMs, this.pausedUntilMs);
    earliest = Math.max(earliest, this.windowFloor(this.rules.windowMs, this.rules.maxPerWindow, weight, null) + gap);
    earliest = Math.max(
      earliest,
      this.windowFloor(this.rules.burstWindowMs, this.rules.maxPerBurst, weight, request.contractKey) + gap,
    );
    for (let i = this.starts.length - 1; i >= 0; i--) {
      const start = this.starts[i]!;
      if (start.key === request.key) {
        earliest = Math.max(earliest, start.atMs + this.rules.identicalGapMs + gap);
        break;
      }
    }
    return earliest;
  }

  /** Records that `request` starts at `nowMs`; throws when that would break a rule (a caller bug). */
  start(request: PacingRequest, nowMs: number): void {
    const earliest = this.earliestStart(request, nowMs);
    if (earliest > nowMs) {
      throw new InvalidPacingRequestError(request.key, nowMs, earliest);
    }
    this.starts.push({
      atMs: nowMs,
      key: request.key,
      contractKey: request.contractKey,
      weight: this.weightOf(request),
    });
    this.openCount += 1;
  }

  /**
   * Starts still inside a window, oldest first: persist them, and hand them to `restore` after a restart, because
   * IB keeps counting the requests of a process that died (their connection's open requests are gone, though).
   */
  history(): readonly PacingStart[] {
    return [...this.starts];
  }

  /** Adds starts remembered from an earlier process (open count unchanged); call before the first start. */
  restore(starts: readonly PacingStart[]): void {
    const merged = [...starts, ...this.starts].sort((a, b) => a.atMs - b.atMs);
    this.starts.splice(0, this.starts.length, ...merged);
  }

  /** Records that one started request has ended (data, error, timeout or cancel). */
  finish(): void {
    if (this.openCount > 0) this.openCount -= 1;
  }

  /** Holds every new start until `untilMs` (after IB reports a pacing violation caused by someone else). */
  pauseUntil(untilMs: number): void {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, untilMs);
  }

  private weightOf(request: PacingRequest): number {
    const weight = request.weight ?? 1;
    const most = Math.min(this.rules.maxPerWindow, this.rules.maxPerBurst);
    if (!Number.isInteger(weight) || weight < 1 || weight > most) {
      throw new InvalidPacingRequestError(request.key, NaN, NaN, `weight must be 1..${most}, was ${weight}`);
    }
    return weight;
  }

  /**
   * The newest start that must leave a closed window of `lengthMs` before a request of `weight` fits under
   * `limit`, plus `lengthMs` (the new start must come strictly after that); -Infinity when it already fits.
   */
  private windowFloor(lengthMs: number, limit: number, weight: number, contractKey: string | null): number {
    let sum = weight;
    for (let i = this.starts.length - 1; i >= 0; i--) {
      const start = this.starts[i]!;
      if (contractKey !== null && start.contractKey !== contractKey) continue;
      sum += start.weight;
      if (sum > limit) return start.atMs + lengthMs;
    }
    return -Infinity;
  }

  private advance(nowMs: number): void {
    if (nowMs < this.lastNowMs) {
      throw new InvalidPacingRequestError('(clock)', nowMs, this.lastNowMs, 'time must not go backwards');
    }
    this.lastNowMs = nowMs;
    // Starts older than every window can no longer constrain anything; drop them to keep the scans short.
    const horizon =
      nowMs - Math.max(this.rules.windowMs, this.rules.identicalGapMs, this.rules.burstWindowMs) - this.rules.marginMs;
    let drop = 0;
    while (drop < this.starts.length && this.starts[drop]!.atMs < horizon - 1) drop++;
    if (drop > 0) this.starts.splice(0, drop);
  }
}
