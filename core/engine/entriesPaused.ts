import type { EngineCommand } from '../trading/commands.js';
import type { EngineState } from './EngineState.js';
import { logRecord } from './logRecord.js';
import { effectivePositionCount } from './workingExposure.js';

/**
 * True when an entry into a flat ticker (nothing held, nothing working) cannot pass the risk manager because the
 * account already holds or works `max_positions` tickers: `checkMaxPositions` rejects such an order whatever its
 * size, and any other check can only reject it too, so not building it changes no order, no fill and no position.
 * The engine then skips the order, as it skips new risk while a loss limit or the kill switch holds, instead of
 * logging one refusal per signal (on the benchmark 100,000 of its 140,000 risk decisions, and a third of its work
 * while the strategy trades). What a user needs to know is logged once per change: `ENTRIES_PAUSED_MAX_POSITIONS`
 * when the first entry is skipped, `ENTRIES_RESUMED` at the first entry asked for after the count fell below the
 * limit. Only with one strategy, whose position is the account's; with several every entry goes to the risk
 * manager as before. Also false while a worked ticker has no mark (the count is not kept then).
 */
export function entriesPaused(state: EngineState, ts: number, out: EngineCommand[]): boolean {
  if (state.strategies.length !== 1) return false;
  const count = effectivePositionCount(state);
  const max = state.risk.limits.max_positions;
  const paused = count !== undefined && count >= max;
  if (paused !== (state.entriesPaused === true)) {
    state.entriesPaused = paused;
    out.push(
      paused
        ? logRecord(
            ts,
            'info',
            'ENTRIES_PAUSED_MAX_POSITIONS',
            `${count} of ${max} positions held or worked: entries into flat tickers skipped`,
            {
              openPositions: count,
              maxPositions: max,
            },
          )
        : logRecord(
            ts,
            'info',
            'ENTRIES_RESUMED',
            `${count ?? 'unknown'} of ${max} positions: entries asked for again`,
            {
              openPositions: count ?? null,
              maxPositions: max,
            },
          ),
    );
  }
  return paused;
}
