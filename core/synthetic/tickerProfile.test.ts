import { describe, expect, it } from 'vitest';

import { DEFAULT_SYNTHETIC_PARAMETERS as PARAMETERS } from './SyntheticParameters.js';
import { tickerProfile } from './tickerProfile.js';

describe('tickerProfile', () => {
  it('draws every trait inside its configured range', () => {
    const tickers = Array.from({ length: 300 }, (_, i) => `T${i}`);

    const profiles = tickers.map((ticker) => tickerProfile(7, ticker, PARAMETERS));

    for (const profile of profiles) {
      expect(profile.startPrice).toBeGreaterThanOrEqual(PARAMETERS.startPriceRange[0]);
      expect(profile.startPrice).toBeLessThanOrEqual(PARAMETERS.startPriceRange[1]);
      expect(Math.round(profile.startPrice * 100) / 100).toBe(profile.startPrice);
      expect(profile.beta).toBeGreaterThanOrEqual(PARAMETERS.betaRange[0]);
      expect(profile.beta).toBeLessThan(PARAMETERS.betaRange[1]);
      expect(profile.idiosyncraticVol).toBeGreaterThanOrEqual(PARAMETERS.idiosyncraticVolRange[0]);
      expect(profile.idiosyncraticVol).toBeLessThan(PARAMETERS.idiosyncraticVolRange[1]);
      expect(profile.dailyVolume).toBeGreaterThanOrEqual(PARAMETERS.dailyVolumeRange[0]);
      expect(profile.dailyVolume).toBeLessThan(PARAMETERS.dailyVolumeRange[1]);
    }
    expect(new Set(profiles.map((profile) => profile.beta)).size).toBe(300);
  });

  it('depends on the seed and the ticker name only', () => {
    expect(tickerProfile(7, 'AAPL', PARAMETERS)).toEqual(tickerProfile(7, 'AAPL', PARAMETERS));
    expect(tickerProfile(8, 'AAPL', PARAMETERS).beta).not.toBe(tickerProfile(7, 'AAPL', PARAMETERS).beta);
    expect(tickerProfile(7, 'MSFT', PARAMETERS).beta).not.toBe(tickerProfile(7, 'AAPL', PARAMETERS).beta);
  });
});
