import { describe, expect, it } from 'vitest';

import { createSimBrokerState } from './createSimBrokerState.js';
import { cumulativeCommission } from './cumulativeCommission.js';
import { processBar } from './processBar.js';
import { IBKR_FIXED_COMMISSION } from './SimBrokerConfig.js';
import { MINUTE, executionsOf, micros, orderRequest, simBar, simConfig } from './simBrokerFixtures.js';
import { submitOrder } from './submitOrder.js';

const ibkr = IBKR_FIXED_COMMISSION;

function commissionsOf(quantity: number, open: number, bars = 1, participationLimit: number | null = null): number[] {
  const state = createSimBrokerState(simConfig({ commission: ibkr, participationLimit }));
  submitOrder(state, orderRequest({ quantity }), 0);
  const commissions: number[] = [];
  for (let index = 0; index < bars; index++) {
    const bar = simBar({ barStart: index * MINUTE, open, high: open, low: open, volume: 1_000 });
    commissions.push(...executionsOf(processBar(state, bar)).map((execution) => execution.commission));
  }
  return commissions;
}

describe('IBKR fixed commission', () => {
  it('charges the USD 1.00 minimum when 0.005 a share comes to less', () => {
    // 100 x 0.005 = 0.50 < 1.00; the cap, 1 % of 100 x 50.00 = 50.00, does not bind.
    expect(commissionsOf(100, 50)).toEqual([micros(1)]);
  });

  it('charges 0.005 a share above the minimum', () => {
    // 1 000 x 0.005 = 5.00.
    expect(commissionsOf(1_000, 50)).toEqual([micros(5)]);
  });

  it('caps at 1 % of trade value, even below the minimum', () => {
    // 100 shares at 0.50: 1 % of 50.00 = 0.50 < minimum 1.00, so 0.50.
    expect(commissionsOf(100, 0.5)).toEqual([micros(0.5)]);
    // 10 000 shares at 0.20: 0.005 x 10 000 = 50.00, 1 % of 2 000.00 = 20.00.
    expect(commissionsOf(10_000, 0.2)).toEqual([micros(20)]);
  });

  it('charges the minimum once per order across partial fills', () => {
    // 300 shares at 50.00 in three fills of 100 (10 % of 1 000 volume). Cumulative 0.005 x shares: 0.50, 1.00,
    // 1.50, raised to the 1.00 minimum: 1.00, 1.00, 1.50. Each fill pays the increase: 1.00, 0.00, 0.50.
    const commissions = commissionsOf(300, 50, 3, 0.1);

    expect(commissions).toEqual([micros(1), 0, micros(0.5)]);
    expect(
      commissions.reduce((sum, value) => sum + value, 0),
      'same as one fill of 300: 1.50',
    ).toBe(micros(1.5));
  });

  it('is zero with no commission model or no shares', () => {
    expect(cumulativeCommission({ model: 'none' }, 100, micros(5_000))).toBe(0);
    expect(cumulativeCommission(ibkr, 0, micros(0))).toBe(0);
  });
});
