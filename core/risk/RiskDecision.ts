import type { RiskCode } from './RiskCode.js';

/** Values a risk decision reports: amounts in dollars, quantities in shares, times in UTC ms. */
export type RiskDetails = Record<string, string | number | boolean | null>;

/** What the risk manager does with an order. */
export const RiskOutcome = { APPROVE: 'APPROVE', RESIZE: 'RESIZE', REJECT: 'REJECT' } as const;
export type RiskOutcome = (typeof RiskOutcome)[keyof typeof RiskOutcome];

/** A check refuses the order outright. */
export interface Denial {
  readonly outcome: 'REJECT';
  readonly code: RiskCode;
  readonly context: RiskDetails;
}

/** A check lets the order through at a smaller (positive) quantity. */
export interface Resize {
  readonly outcome: 'RESIZE';
  readonly quantity: number;
  readonly code: RiskCode;
  readonly context: RiskDetails;
}

/** What one check returns when it objects (a check that has no objection returns null). */
export type RiskFinding = Denial | Resize;

/**
 * The verdict on one order: the quantity that may be sent (the order's quantity on APPROVE, less on RESIZE, 0 on
 * REJECT), the code of the deciding check (`RISK_APPROVED` on approval) and that check's details.
 */
export interface RiskDecision {
  readonly outcome: RiskOutcome;
  readonly quantity: number;
  readonly code: RiskCode;
  readonly context: RiskDetails;
}
