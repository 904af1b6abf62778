import type { AppConfig } from '../../config/configFiles.js';
import type { BlobStore } from '../../core/storage/blobStore.js';

/**
 * What every experiment step needs from the worker that runs it. The Temporal wrappers (activities/research.ts)
 * fill `heartbeat` with Temporal's; tests call the steps directly with a no-op or a recorder.
 */
export interface ExperimentDeps {
  /** Where every artifact goes; keys are the only references that cross process and language boundaries. */
  readonly store: BlobStore;
  /** The worker's configuration (config/*.yaml of its config folder): features, targets, models, risk. */
  readonly app: AppConfig;
  /** A local folder for temporary files (downloads of remote blobs for DuckDB, files being written). */
  readonly scratchDir: string;
  /** Called on long work with small progress details (Temporal heartbeats). */
  readonly heartbeat: (details?: unknown) => void;
}
