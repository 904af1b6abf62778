import type { Clock } from './clock.js';

/** The historical-data pacing rules of tws-api/historical_limitations.html that the fake enforces. */
export const PacingRule = {
  /** An identical request (same contract, end, duration, bar size, data type, RTH flag) within 15 s. */
  IDENTICAL_WITHIN_15_SECONDS: 'IDENTICAL_WITHIN_15_SECONDS',
  /** Six or more requests for the same contract, exchange and data type within 2 s. */
  SIX_SAME_CONTRACT_WITHIN_2_SECONDS: 'SIX_SAME_CONTRACT_WITHIN_2_SECONDS',
  /** More than 60 requests in any 10 minutes (BID_ASK counts twice). */
  MORE_THAN_60_IN_10_MINUTES: 'MORE_THAN_60_IN_10_MINUTES',
  /** More than 50 requests open (sent and not yet answered) at once. */
  MORE_THAN_50_OPEN: 'MORE_THAN_50_OPEN',
  /** More than 60 new real-time bar subscriptions in any 10 minutes. */
  REAL_TIME_BARS_MORE_THAN_60_IN_10_MINUTES: 'REAL_TIME_BARS_MORE_THAN_60_IN_10_MINUTES',
} as const;
export type PacingRule = (typeof PacingRule)[keyof typeof PacingRule];

/** One historical request as pacing sees it. */
export interface PacedRequest {
  readonly clientId: number;
  readonly reqId: number;
  /** Everything but the request id: two requests with equal keys are identical. */
  readonly identity: string;
  /** Contract, exchange and data type. */
  readonly contractKey: string;
  /** 2 for BID_ASK, else 1. */
  readonly weight: number;
}

/** A request that broke a rule, with the clock time it arrived. */
export interface PacingViolation {
  readonly atMs: number;
  readonly rule: PacingRule;
  readonly clientId: number;
  readonly reqId: number;
  readonly identity: string;
}

const IDENTICAL_MS = 15_000;
const BURST_MS = 2_000;
const BURST_LIMIT = 6;
const WINDOW_MS = 600_000;
const WINDOW_LIMIT = 60;
const OPEN_LIMIT = 50;

/**
 * Tracks historical requests across all connections of the gateway and names the rule a new request breaks.
 * Every request counts toward the windows, violating ones included, as IB counts them. Window edges: a request
 * exactly 15 s after an identical one, or exactly 10 minutes after the oldest of 60, is allowed
 * (only requests strictly inside the window count).
 */
export class PacingTracker {
  private readonly clock: Clock;
  private history: { atMs: number; request: PacedRequest }[] = [];
  private realTimeHistory: number[] = [];
  /** Every violation so far, oldest first. */
  readonly violations: PacingViolation[] = [];
  /** Number of historical requests seen. */
  requestCount = 0;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Records a historical request and returns the first rule it breaks, if any. `openCount` excludes it. */
  admitHistorical(request: PacedRequest, openCount: number): PacingRule | undefined {
    const now = this.clock.now();
    this.history = this.history.filter((entry) => entry.atMs > now - WINDOW_MS);
    const rule = this.ruleBroken(request, openCount, now);
    this.history.push({ atMs: now, request });
    this.requestCount += 1;
    if (rule) {
      this.violations.push({
        atMs: now,
        rule,
        clientId: request.clientId,
        reqId: request.reqId,
        identity: request.identity,
      });
    }
    return rule;
  }

  /** Records a new real-time bar subscription; returns the rule it breaks, if any. */
  admitRealTimeBars(clientId: number, reqId: number, identity: string): PacingRule | undefined {
    const now = this.clock.now();
    this.realTimeHistory = this.realTimeHistory.filter((atMs) => atMs > now - WINDOW_MS);
    this.realTimeHistory.push(now);
    if (this.realTimeHistory.length <= WINDOW_LIMIT) return undefined;
    const rule = PacingRule.REAL_TIME_BARS_MORE_THAN_60_IN_10_MINUTES;
    this.violations.push({ atMs: now, rule, clientId, reqId, identity });
    return rule;
  }

  private ruleBroken(request: PacedRequest, openCount: number, now: number): PacingRule | undefined {
    if (openCount + 1 > OPEN_LIMIT) return PacingRule.MORE_THAN_50_OPEN;
    const recent = this.history;
    if (recent.some((entry) => entry.atMs > now - IDENTICAL_MS && entry.request.identity === request.identity)) {
      return PacingRule.IDENTICAL_WITHIN_15_SECONDS;
    }
    const burst = recent
      .filter((entry) => entry.atMs > now - BURST_MS && entry.request.contractKey === request.contractKey)
      .reduce((sum, entry) => sum + entry.request.weight, request.weight);
    if (burst >= BURST_LIMIT) return PacingRule.SIX_SAME_CONTRACT_WITHIN_2_SECONDS;
    const total = recent.reduce((sum, entry) => sum + entry.request.weight, request.weight);
    if (total > WINDOW_LIMIT) return PacingRule.MORE_THAN_60_IN_10_MINUTES;
    return undefined;
  }
}
