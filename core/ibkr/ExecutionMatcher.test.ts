import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { clientOrderId } from '../trading/ids.js';
import { ExecutionMatcher, type IbFill } from './ExecutionMatcher.js';

function fill(execId: string, fields: Partial<IbFill> = {}): IbFill {
  return {
    execId,
    clientOrderId: clientOrderId('alpha-1'),
    ticker: 'AAPL',
    side: 'BUY',
    shares: 100,
    price: 30,
    ts: 1_000,
    ...fields,
  };
}

describe('ExecutionMatcher', () => {
  it('holds an execution until its commission report, whichever comes first', () => {
    const matcher = new ExecutionMatcher();
    expect(matcher.addFill(fill('e.01'))).toEqual({ kind: 'WAITING_FOR_COMMISSION' });
    const released = matcher.addCommission('e.01', 1.25);
    expect(released).toMatchObject({ executionId: 'e.01', quantity: 100, price: toMicros(30), commission: 1_250_000 });
    expect(matcher.addCommission('f.01', 2)).toBeNull(); // before its execution: kept
    const outcome = matcher.addFill(fill('f.01', { shares: 5 }));
    expect(outcome.kind === 'READY' && outcome.execution.commission).toBe(toMicros(2));
  });

  it('drops a repeated execution id and a lower revision arriving after its correction', () => {
    const matcher = new ExecutionMatcher();
    matcher.addFill(fill('e.01'));
    matcher.addCommission('e.01', 1);
    expect(matcher.addFill(fill('e.01'))).toEqual({ kind: 'DUPLICATE' });
    matcher.addFill(fill('e.02', { price: 30.2 }));
    const correction = matcher.addCommission('e.02', 1);
    expect(correction?.correctsExecutionId).toBe('e.01');
    expect(correction?.price).toBe(toMicros(30.2));
    expect(matcher.addFill(fill('e.02'))).toEqual({ kind: 'DUPLICATE' });
    const fresh = new ExecutionMatcher();
    fresh.addFill(fill('g.03'));
    expect(fresh.addFill(fill('g.02'))).toEqual({ kind: 'SUPERSEDED' });
  });

  it('a late commission after expiry becomes a correction carrying it; the next IB correction corrects that', () => {
    const matcher = new ExecutionMatcher();
    matcher.addFill(fill('e.01'));
    expect(matcher.expire('e.01')?.commission).toBe(0);
    expect(matcher.expire('e.01')).toBeNull();
    const late = matcher.addCommission('e.01', 1);
    expect(late).toMatchObject({ executionId: 'e.01+commission', correctsExecutionId: 'e.01', commission: 1_000_000 });
    expect(matcher.addCommission('e.01', 1)).toBeNull(); // the same report again changes nothing
    matcher.addFill(fill('e.02', { price: 31 }));
    expect(matcher.addCommission('e.02', 1)?.correctsExecutionId).toBe('e.01+commission');
  });
});
