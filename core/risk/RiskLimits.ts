import type { RiskConfig } from '../../config/risk.js';

/** The hard limits of config/risk.yaml (`limits`), as parsed. */
export type RiskLimits = RiskConfig['limits'];
