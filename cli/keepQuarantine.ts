import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeQuarantine } from '../adapters/data/writeQuarantine.js';
import type { QuarantineReport } from '../core/data/Quarantine.js';

/**
 * What every command that loads a bar file owes its user about the rows it set aside: the count per reason (printed),
 * every such row with its line, reason and text (written to `path` when there is any; an older file there is removed
 * when there is none), and a refusal, after that file is written, when their share of the rows is above `limitPct`.
 */
export async function keepQuarantine(
  input: string,
  quarantine: QuarantineReport,
  path: string,
  limitPct: number,
  consequence = 'no output written',
): Promise<void> {
  const quarantined = quarantine.rowsIn - quarantine.rowsOut;
  for (const [reason, count] of Object.entries(quarantine.counts).sort()) console.log(`  ${reason}: ${count}`);
  if (quarantined > 0) {
    await mkdir(dirname(path), { recursive: true });
    await writeQuarantine(path, quarantine);
    console.log(`  every quarantined row, with its line, reason and original text: ${path}`);
  } else {
    // A file left by an earlier run of the same output would pass for this run's.
    await rm(path, { force: true });
  }
  const share = quarantine.rowsIn === 0 ? 0 : (100 * quarantined) / quarantine.rowsIn;
  if (share > limitPct) {
    throw new Error(
      `${input}: ${share.toFixed(1)}% of rows were quarantined, above the limit of ${limitPct}% ` +
        `(check the column map and timestamp convention, or raise --max-quarantine-pct); ${consequence}`,
    );
  }
}
