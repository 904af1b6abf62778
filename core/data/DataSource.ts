import type { BarSet } from './BarBatch.js';
import type { QuarantineReport } from './Quarantine.js';

/** What a fetch asks for: tickers, an inclusive UTC range in epoch ms, and a bar size in ms. */
export interface FetchRequest {
  readonly tickers: readonly string[];
  readonly startMs: number;
  readonly endMs: number;
  readonly barMs: number;
}

/** Bars plus every row that was set aside, with its reason. */
export interface FetchResult {
  readonly bars: BarSet;
  readonly quarantine: QuarantineReport;
}

/** Result of a health check: ok, or what is wrong in words. */
export interface HealthStatus {
  readonly ok: boolean;
  readonly detail: string;
}

/** Every market-data source (files, Interactive Brokers, the synthetic generator) implements this. */
export interface DataSource {
  readonly name: string;
  fetch(request: FetchRequest): Promise<FetchResult>;
  healthcheck(): Promise<HealthStatus>;
}
