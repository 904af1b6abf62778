// A TypeScript research worker in its own process, so a test can SIGKILL it mid-experiment:
// `node --import ./tests/support/registerTs.js tests/support/researchWorkerProcess.ts` with TEMPORAL_ADDRESS,
// INTRADAY_DATA_DIR and RESEARCH_QUEUE set. Prints "ready" once polling.
import { NativeConnection } from '@temporalio/worker';
import { join } from 'node:path';
import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import { localBlobRoot } from '../../adapters/blob/openBlobStore.js';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import { createResearchWorker, quietRuntime } from '../../workers/research/researchWorker.js';
import { REPO_ROOT } from './sharedData.js';

const address = process.env['TEMPORAL_ADDRESS']!;
const dataDir = process.env['INTRADAY_DATA_DIR']!;
quietRuntime();
const connection = await NativeConnection.connect({ address });
const worker = await createResearchWorker({
  connection,
  namespace: 'default',
  taskQueue: process.env['RESEARCH_QUEUE']!,
  deps: {
    store: new LocalBlobStore(localBlobRoot(dataDir)),
    app: loadAppConfig(join(REPO_ROOT, 'config')),
    scratchDir: join(dataDir, 'scratch'),
  },
});
const running = worker.run();
console.log('ready');
await running;
