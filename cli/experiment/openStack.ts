import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBlobStore } from '../../adapters/blob/openBlobStore.js';
import { startResearchStack, type ResearchStack } from '../../workers/research/researchStack.js';
import type { AppConfig } from '../../config/configFiles.js';
import { PACKAGE_ROOT, resolveDataDir } from '../paths.js';

export interface StackRequest {
  readonly app: AppConfig;
  /** Run both workers in this process. */
  readonly workers: boolean;
  readonly onLog?: (line: string) => void;
}

/** TEMPORAL_ADDRESS when set (a real cluster or a dev server you run), else system.yaml's only if set explicitly. */
export function temporalAddressFromEnv(): string | undefined {
  return process.env['TEMPORAL_ADDRESS'] || undefined;
}

/**
 * The Temporal side of a CLI command. With TEMPORAL_ADDRESS unset it is the embedded default: a dev server on a
 * SQLite file in the data folder (or the one `intraday temporal serve` keeps running), plus both workers.
 */
export async function openStack(request: StackRequest): Promise<ResearchStack> {
  const dataDir = resolveDataDir();
  const scratchDir = join(dataDir, 'scratch');
  mkdirSync(scratchDir, { recursive: true });
  const blob = request.app.system.blob;
  const address = temporalAddressFromEnv();
  return startResearchStack({
    ...(address ? { address } : {}),
    namespace: process.env['TEMPORAL_NAMESPACE'] || request.app.system.temporal.namespace,
    packageRoot: PACKAGE_ROOT,
    dataDir,
    workers: request.workers,
    ...(request.workers
      ? { deps: { store: await openBlobStore(blob, dataDir, process.env), app: request.app, scratchDir } }
      : {}),
    blobKind: blob.kind,
    ...(blob.kind === 'azure' && blob.container ? { blobContainer: blob.container } : {}),
    ...(request.onLog ? { onLog: request.onLog } : {}),
  });
}
