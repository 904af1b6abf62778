import { describe, expect, it } from 'vitest';
import { classifyIbError } from './classifyIbError.js';

// Message texts as TWS sends them (HMDS prefix included) or as users reported them in the issues corpus.
const TABLE: readonly (readonly [number, string, string])[] = [
  [162, 'Historical Market Data Service error message:Historical data request pacing violation', 'pacing'],
  [162, 'Historical Market Data Service error message:HMDS query returned no data: AAPL@SMART Trades', 'no-data'],
  [162, 'Historical Market Data Service error message:API historical data query cancelled: 1000000007', 'retryable'],
  [162, 'Historical Market Data Service error message:invalid step', 'fatal'],
  [162, 'Historical Market Data Service error message:Time length exceed max.', 'fatal'],
  [162, 'Historical Market Data Service error message:No market data permissions for NYSE STK', 'fatal'],
  [162, 'Historical Market Data Service error message:Trader Workstation exited, farm connection broken', 'retryable'],
  [162, 'Historical Market Data Service error message:something new', 'retryable'],
  [200, 'No security definition has been found for the request', 'fatal'],
  [321, "Error validating request.-'bW' : cause - Historical data bar size setting is invalid.", 'fatal'],
  [354, 'Requested market data is not subscribed.', 'fatal'],
  [366, 'No historical data query found for ticker id:1000000003', 'retryable'],
  [1100, 'Connectivity between IB and Trader Workstation has been lost.', 'connectivity'],
  [1101, 'Connectivity between IB and TWS has been restored- data lost.', 'connectivity'],
  [1102, 'Connectivity between IB and TWS has been restored- data maintained.', 'connectivity'],
  [504, 'Not connected', 'connectivity'],
  [2104, 'Market data farm connection is OK:usfarm', 'ignore'],
  [2106, 'HMDS data farm connection is OK:ushmds', 'ignore'],
  [2105, 'HMDS data farm connection is broken:ushmds', 'ignore'],
  [505, 'Decoding error on HISTORICAL_DATA: unprocessed data left on queue', 'fatal'],
  [9999, 'never seen before', 'retryable'],
];

describe('classifyIbError', () => {
  it.each(TABLE)('classifies %i "%s" as %s', (code, message, kind) => {
    const result = classifyIbError(code, message);

    expect(result.kind).toBe(kind);
    expect(result.reason.length).toBeGreaterThan(0);
  });

  it('tells the 162 variants apart by their text only', () => {
    const kinds = new Set(TABLE.filter(([code]) => code === 162).map(([, m]) => classifyIbError(162, m).kind));

    expect(kinds).toEqual(new Set(['pacing', 'no-data', 'retryable', 'fatal']));
  });
});
