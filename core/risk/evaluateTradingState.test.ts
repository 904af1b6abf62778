import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from '../money/money.js';
import { evaluateTradingState } from './evaluateTradingState.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import { contextWith, limitsWith } from './testFixtures.js';

const limits = limitsWith({ daily_loss_limit_pct: 0.02, weekly_loss_limit_pct: 0.05, max_drawdown_pct: 0.1 });
const evaluate = (overrides: Partial<RiskContext>, limitOverrides = {}) =>
  evaluateTradingState(contextWith(overrides), { ...limits, ...limitOverrides });
const oneMicroAbove = (dollars: number): Micros => (toMicros(dollars) + 1) as Micros;

describe('evaluateTradingState', () => {
  it('stays ACTIVE with no loss', () => {
    expect(evaluate({})).toEqual({ state: 'ACTIVE', code: null, flatten: false });
  });

  it('turns REDUCING when down exactly the daily loss limit', () => {
    const verdict = evaluate({ equity: toMicros(98_000) });

    expect(verdict, 'loss 100,000 - 98,000 = 2,000 = 0.02 x 100,000').toEqual({
      state: 'REDUCING',
      code: RiskCode.DAILY_LOSS_LIMIT,
      flatten: false,
    });
  });

  it('stays ACTIVE one micro-dollar short of the daily loss limit', () => {
    expect(evaluate({ equity: oneMicroAbove(98_000) }).state).toBe('ACTIVE');
  });

  it('turns REDUCING on the weekly loss limit', () => {
    const context = { weekStartEquity: toMicros(104_000), equity: toMicros(98_800), dayStartEquity: toMicros(100_000) };

    const verdict = evaluate(context);
    const justAbove = evaluate({ ...context, equity: oneMicroAbove(98_800) });

    expect(verdict, 'week: 104,000 - 98,800 = 5,200 = 0.05 x 104,000; day: 1.2% only').toMatchObject({
      state: 'REDUCING',
      code: RiskCode.WEEKLY_LOSS_LIMIT,
    });
    expect(justAbove.state).toBe('ACTIVE');
  });

  it('halts and asks to flatten on the drawdown hard stop', () => {
    const context = { peakEquity: toMicros(120_000), equity: toMicros(108_000), dayStartEquity: toMicros(108_000) };

    const verdict = evaluate(context);
    const withoutFlatten = evaluate(context, { flatten_on_max_drawdown: false });
    const justAbove = evaluate({ ...context, equity: oneMicroAbove(108_000) });

    expect(verdict, '120,000 - 108,000 = 12,000 = 0.10 x 120,000').toEqual({
      state: 'HALTED',
      code: RiskCode.MAX_DRAWDOWN,
      flatten: true,
    });
    expect(withoutFlatten.flatten, 'flatten_on_max_drawdown: false').toBe(false);
    expect(justAbove.state).toBe('ACTIVE');
  });

  it('reports the drawdown before a daily loss breached at the same time', () => {
    const verdict = evaluate({ peakEquity: toMicros(100_000), equity: toMicros(85_000) });

    expect(verdict.code, '15% down on the day and from the peak').toBe(RiskCode.MAX_DRAWDOWN);
  });

  it('keeps HALTED and REDUCING when no limit is breached now', () => {
    expect(evaluate({ tradingState: 'HALTED' })).toEqual({
      state: 'HALTED',
      code: RiskCode.TRADING_HALTED,
      flatten: false,
    });
    expect(evaluate({ tradingState: 'REDUCING' })).toEqual({
      state: 'REDUCING',
      code: RiskCode.TRADING_REDUCING,
      flatten: false,
    });
  });

  it('never lowers HALTED to REDUCING on a daily loss', () => {
    expect(evaluate({ tradingState: 'HALTED', equity: toMicros(97_000) }).state).toBe('HALTED');
  });

  it('escalates REDUCING to HALTED on the hard stop', () => {
    expect(evaluate({ tradingState: 'REDUCING', equity: toMicros(90_000) }).state).toBe('HALTED');
  });

  it('trips a zero limit on any loss but not at the base', () => {
    expect(evaluate({}, { daily_loss_limit_pct: 0 }).state, 'no loss').toBe('ACTIVE');
    expect(evaluate({ equity: (toMicros(100_000) - 1) as Micros }, { daily_loss_limit_pct: 0 }).state).toBe('REDUCING');
  });

  it('skips a limit whose base is zero or negative', () => {
    const verdict = evaluate({ dayStartEquity: 0 as Micros, weekStartEquity: toMicros(-10), equity: toMicros(99_000) });

    expect(verdict.state, 'only the peak (1% down) applies').toBe('ACTIVE');
  });

  it('halts on equity that is not a number', () => {
    expect(evaluate({ equity: Number.NaN as Micros })).toEqual({
      state: 'HALTED',
      code: RiskCode.INVALID_CONTEXT,
      flatten: false,
    });
  });
});
