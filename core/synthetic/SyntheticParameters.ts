/**
 * The numbers that shape the synthetic market. Volatilities are standard deviations of log returns;
 * "intraday" means open to close of a full 6.5-hour session. core/synthetic/README.md explains each choice.
 */
export interface SyntheticParameters {
  /** Daily open-to-close volatility of the common market factor. */
  readonly marketIntradayVol: number;
  /** Volatility of the market factor's close-to-open gap on a plain weeknight. */
  readonly marketOvernightVol: number;
  /** Day-to-day persistence of the market's log-volatility regime (AR(1) coefficient). */
  readonly regimePersistence: number;
  /** Daily shock to the market's log-volatility regime. */
  readonly regimeShock: number;
  /** GARCH(1,1) reaction to the last squared shock, per minute. */
  readonly garchAlpha: number;
  /** GARCH(1,1) persistence alpha + beta, per minute. */
  readonly garchPersistence: number;
  /** GARCH reaction to the overnight shock, applied once at the open. */
  readonly overnightGarchAlpha: number;
  /** GARCH persistence across the night, applied once at the open. */
  readonly overnightGarchPersistence: number;
  /** Extra overnight variance per additional calendar day closed (weekends, holidays). */
  readonly extraVariancePerClosedDay: number;
  /** Range of per-ticker betas to the market factor. */
  readonly betaRange: readonly [number, number];
  /** Range of per-ticker idiosyncratic open-to-close volatility. */
  readonly idiosyncraticVolRange: readonly [number, number];
  /** Idiosyncratic overnight volatility as a fraction of the intraday one. */
  readonly idiosyncraticOvernightRatio: number;
  /** Chance that a night carries company news (earnings), and how much it scales that night's move. */
  readonly newsProbability: number;
  readonly newsMultiplier: number;
  /** Range of starting prices in dollars (drawn log-uniformly). */
  readonly startPriceRange: readonly [number, number];
  /** Range of average daily share volume (drawn log-uniformly). */
  readonly dailyVolumeRange: readonly [number, number];
  /** Intraday variance seasonality: extra variance at the open and the close and how fast it fades, in minutes. */
  readonly openVarianceBoost: number;
  readonly openVarianceMinutes: number;
  readonly closeVarianceBoost: number;
  readonly closeVarianceMinutes: number;
  /** Intraday volume seasonality (the U shape), same form. */
  readonly openVolumeBoost: number;
  readonly openVolumeMinutes: number;
  readonly closeVolumeBoost: number;
  readonly closeVolumeMinutes: number;
  /** Day-to-day persistence and shock of a ticker's log volume level. */
  readonly volumeLevelPersistence: number;
  readonly volumeLevelShock: number;
  /** Log-normal noise of each minute's volume. */
  readonly volumeNoise: number;
  /** Share of volume that follows the squared size of the move (volume rises with volatility). */
  readonly volumeMoveSensitivity: number;
}

/** The defaults: a liquid US large-cap universe, daily volatility of about 1 to 2%. */
export const DEFAULT_SYNTHETIC_PARAMETERS: SyntheticParameters = Object.freeze({
  marketIntradayVol: 0.009,
  marketOvernightVol: 0.004,
  regimePersistence: 0.97,
  regimeShock: 0.07,
  garchAlpha: 0.03,
  garchPersistence: 0.998,
  overnightGarchAlpha: 0.1,
  overnightGarchPersistence: 0.9,
  extraVariancePerClosedDay: 0.2,
  betaRange: [0.7, 1.3] as const,
  idiosyncraticVolRange: [0.007, 0.011] as const,
  idiosyncraticOvernightRatio: 0.5,
  newsProbability: 1 / 63,
  newsMultiplier: 4,
  startPriceRange: [20, 400] as const,
  dailyVolumeRange: [1e6, 2e7] as const,
  openVarianceBoost: 2,
  openVarianceMinutes: 15,
  closeVarianceBoost: 0.5,
  closeVarianceMinutes: 10,
  openVolumeBoost: 3,
  openVolumeMinutes: 20,
  closeVolumeBoost: 1.8,
  closeVolumeMinutes: 15,
  volumeLevelPersistence: 0.7,
  volumeLevelShock: 0.25,
  volumeNoise: 0.4,
  volumeMoveSensitivity: 0.3,
});
