import { describe, expect, it } from 'vitest';
import { engineStatusOf, parseIbTime, splitExecId } from './ibOrderFacts.js';

describe('splitExecId', () => {
  it('splits at the last period so a correction shares the base and has a higher revision', () => {
    expect(splitExecId('0000e0d5.6567a1b2.01.01')).toEqual({ base: '0000e0d5.6567a1b2.01', revision: 1 });
    expect(splitExecId('0000e0d5.6567a1b2.01.02')).toEqual({ base: '0000e0d5.6567a1b2.01', revision: 2 });
    expect(splitExecId('SIM-1')).toEqual({ base: 'SIM-1', revision: 0 });
    expect(splitExecId('a.b')).toEqual({ base: 'a.b', revision: 0 });
  });
});

describe('engineStatusOf', () => {
  it('maps IB statuses and leaves fills to executions', () => {
    expect(engineStatusOf('PreSubmitted')).toBe('SUBMITTED');
    expect(engineStatusOf('Submitted')).toBe('SUBMITTED');
    expect(engineStatusOf('Cancelled')).toBe('CANCELLED');
    expect(engineStatusOf('ApiCancelled')).toBe('CANCELLED');
    expect(engineStatusOf('PendingCancel')).toBe('PENDING_CANCEL');
    expect(engineStatusOf('Inactive')).toBe('INACTIVE');
    expect(engineStatusOf('Filled')).toBeNull();
    expect(engineStatusOf('Nonsense')).toBeNull();
  });
});

describe('parseIbTime', () => {
  it('reads the three forms TWS writes', () => {
    // 2025-01-02 10:15:30 New York (EST, UTC-5) = 15:15:30 UTC; in July (EDT, UTC-4) 14:15:30 UTC.
    expect(parseIbTime('20250102 10:15:30 US/Eastern')).toBe(Date.UTC(2025, 0, 2, 15, 15, 30));
    expect(parseIbTime('20250702 10:15:30 America/New_York')).toBe(Date.UTC(2025, 6, 2, 14, 15, 30));
    expect(parseIbTime('20250102  10:15:30')).toBe(Date.UTC(2025, 0, 2, 15, 15, 30));
    expect(parseIbTime('20250102-10:15:30')).toBe(Date.UTC(2025, 0, 2, 10, 15, 30));
    expect(parseIbTime('20250102 10:15:30 Not/AZone')).toBeNull();
    expect(parseIbTime('yesterday')).toBeNull();
  });
});
