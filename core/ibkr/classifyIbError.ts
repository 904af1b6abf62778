/**
 * What a TWS error code means for a historical request:
 * - `retryable`: try the same request again later (after a timeout, a cancel we did not ask for, a farm hiccup);
 * - `fatal`: the request can never succeed as written (unknown contract, bad parameters, no permission);
 * - `no-data`: the span has no bars; the chunk is complete and empty;
 * - `pacing`: IB says we (or another client on the gateway) broke the pacing rules; pause, then retry;
 * - `connectivity`: the link between TWS and IB (or to TWS) is down or was restored; wait for it, then retry;
 * - `ignore`: informational, or a late answer about a request already given up.
 */
export const IbErrorKind = {
  RETRYABLE: 'retryable',
  FATAL: 'fatal',
  NO_DATA: 'no-data',
  PACING: 'pacing',
  CONNECTIVITY: 'connectivity',
  IGNORE: 'ignore',
} as const;
export type IbErrorKind = (typeof IbErrorKind)[keyof typeof IbErrorKind];

/** A classified error and why it was put there. */
export interface IbErrorClass {
  readonly kind: IbErrorKind;
  readonly reason: string;
}

// 162 is IB's catch-all for the historical data farm (HMDS); only its text tells the variants apart.
// Texts from IB and from user reports (QuantConnect/Lean#607, ib_insync#268, wrighter/ib-scripts#1).
const HMDS_VARIANTS: readonly { readonly pattern: RegExp; readonly kind: IbErrorKind; readonly reason: string }[] = [
  { pattern: /pacing violation/i, kind: IbErrorKind.PACING, reason: 'HMDS pacing violation' },
  {
    pattern: /permissions?|not (?:allowed|subscribed)/i,
    kind: IbErrorKind.FATAL,
    reason: 'no market data permission for this contract',
  },
  { pattern: /returned no data|\bno data\b/i, kind: IbErrorKind.NO_DATA, reason: 'HMDS returned no data' },
  { pattern: /query cancell?ed/i, kind: IbErrorKind.RETRYABLE, reason: 'HMDS query cancelled' },
  {
    pattern: /invalid step|step size|time length exceed|bar size.*not supported|invalid bar size|duration/i,
    kind: IbErrorKind.FATAL,
    reason: 'HMDS rejected the duration or bar size',
  },
  { pattern: /farm|connection|disconnect/i, kind: IbErrorKind.RETRYABLE, reason: 'HMDS farm connection problem' },
];

const BY_CODE: ReadonlyMap<number, IbErrorClass> = new Map<number, IbErrorClass>([
  [200, { kind: IbErrorKind.FATAL, reason: 'no security definition found for the contract' }],
  [321, { kind: IbErrorKind.FATAL, reason: 'TWS could not validate the request' }],
  [354, { kind: IbErrorKind.FATAL, reason: 'market data not subscribed' }],
  [366, { kind: IbErrorKind.RETRYABLE, reason: 'no historical query found for the request id' }],
  [1100, { kind: IbErrorKind.CONNECTIVITY, reason: 'connectivity between TWS and IB lost' }],
  [1101, { kind: IbErrorKind.CONNECTIVITY, reason: 'connectivity restored, data lost: requests must be re-sent' }],
  [1102, { kind: IbErrorKind.CONNECTIVITY, reason: 'connectivity restored, data maintained' }],
  [2110, { kind: IbErrorKind.CONNECTIVITY, reason: 'connectivity between TWS and server broken' }],
  [502, { kind: IbErrorKind.CONNECTIVITY, reason: 'cannot connect to TWS' }],
  [504, { kind: IbErrorKind.CONNECTIVITY, reason: 'not connected' }],
  [100, { kind: IbErrorKind.PACING, reason: 'message rate exceeded' }],
  [420, { kind: IbErrorKind.PACING, reason: 'invalid real-time query: pacing' }],
  [320, { kind: IbErrorKind.FATAL, reason: 'TWS could not read the request' }],
  [503, { kind: IbErrorKind.FATAL, reason: 'TWS is out of date' }],
  [505, { kind: IbErrorKind.FATAL, reason: 'the client could not decode a message (protocol mismatch)' }],
]);

/**
 * Classifies a TWS error code and message for a historical request. Codes 2100-2999 are warnings and
 * farm-status notices; any other unknown code is treated as retryable so a bounded retry decides.
 */
export function classifyIbError(code: number, message: string): IbErrorClass {
  if (code === 162) {
    const variant = HMDS_VARIANTS.find((entry) => entry.pattern.test(message));
    if (variant) return { kind: variant.kind, reason: variant.reason };
    return { kind: IbErrorKind.RETRYABLE, reason: 'unrecognised HMDS error' };
  }
  const known = BY_CODE.get(code);
  if (known) return known;
  if (code >= 2100 && code <= 2999) return { kind: IbErrorKind.IGNORE, reason: 'warning or farm status' };
  return { kind: IbErrorKind.RETRYABLE, reason: `unrecognised code ${code}` };
}
