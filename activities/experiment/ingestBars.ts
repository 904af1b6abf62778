import { rm } from 'node:fs/promises';
import { posix } from 'node:path';
import { writeQuarantine } from '../../adapters/data/writeQuarantine.js';
import { writeTable } from '../../adapters/data/writeTable.js';
import { ExperimentDataSchema } from '../../config/experiment.js';
import { parseBarSize } from '../../core/data/Bar.js';
import { barsToTable } from '../../core/data/barsToTable.js';
import type { IngestInput, IngestResult } from '../../core/experiment/contracts.js';
import { countBarsPerTicker, readKeyValueMetadata } from './barsFile.js';
import { localCopy, putFile, scratchPath } from './blobFiles.js';
import type { ExperimentDeps } from './deps.js';
import { BadExperimentConfigError } from './errors.js';
import { loadSourceBars, sourceLabel, type ExperimentData } from './sourceBars.js';

function dataOf(input: IngestInput): ExperimentData {
  const parsed = ExperimentDataSchema.safeParse(input.prepared.config.data);
  if (!parsed.success) {
    throw new BadExperimentConfigError(`prepared experiment: data section is invalid: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** `<folder of barsKey>/quarantine.csv`: every row the file reader set aside, with its reason and text. */
export function quarantineKeyOf(barsKey: string): string {
  return posix.join(posix.dirname(barsKey), 'quarantine.csv');
}

/**
 * Makes sure the experiment's bars are in the store at `prepared.barsKey` (a key content-addressed by the data
 * section, so equal data means an equal key). When the blob exists nothing is read or generated: only its row
 * counts and metadata. Otherwise the bars come from the configured source (see loadSourceBars) and are written
 * as Parquet with `writeTable` (same bars, same bytes), with their origin, bar size, quarantine count and source
 * label as key-value metadata. Bad data throws BadExperimentDataError (never retried).
 */
export async function ingestBars(deps: ExperimentDeps, input: IngestInput): Promise<IngestResult> {
  const { barsKey } = input.prepared;
  const data = dataOf(input);
  const source = sourceLabel(data);
  if (await deps.store.exists(barsKey)) {
    const path = await localCopy(deps, barsKey);
    const counts = await countBarsPerTicker(path);
    const metadata = await readKeyValueMetadata(path);
    return {
      barsKey,
      rows: counts.reduce((sum, entry) => sum + entry.rows, 0),
      tickers: counts.map((entry) => entry.ticker),
      quarantined: Number(metadata.quarantined ?? 0),
      source,
      reused: true,
    };
  }
  deps.heartbeat({ step: 'ingest', source });
  const loaded = await loadSourceBars(data, deps.app, deps.store);
  deps.heartbeat({ step: 'ingest', source, loaded: true });
  const table = barsToTable(loaded.bars);
  const barSizes = new Set(loaded.bars.batches.map((batch) => batch.barMs));
  const barMs = barSizes.size === 1 && !barSizes.has(0) ? [...barSizes][0]! : parseBarSize(data.bar);
  const path = await scratchPath(deps, 'bars.parquet');
  try {
    await writeTable(path, {
      ...table,
      metadata: { ...table.metadata, bar_ms: String(barMs), quarantined: String(loaded.quarantined), source },
    });
    if (loaded.quarantine !== null && loaded.quarantined > 0) {
      const quarantinePath = `${path}.quarantine.csv`;
      await writeQuarantine(quarantinePath, loaded.quarantine);
      await putFile(deps, quarantineKeyOf(barsKey), quarantinePath);
      await rm(quarantinePath, { force: true });
    }
    // The bars last: their key is what a retry checks, so it must appear only when everything else is stored.
    await putFile(deps, barsKey, path);
  } finally {
    await rm(path, { force: true });
  }
  return {
    barsKey,
    rows: table.length,
    tickers: loaded.bars.batches.map((batch) => batch.ticker),
    quarantined: loaded.quarantined,
    source,
    reused: false,
  };
}
