import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResearchDeps } from '../../activities/research.js';
import { startDevServer, type DevServer } from '../../adapters/temporal/devServer.js';
import { createResearchWorker, quietRuntime, workflowBundle } from './researchWorker.js';
import { ensureSearchAttributes } from '../../adapters/temporal/searchAttributes.js';
import { resolveTemporalCli } from '../../adapters/temporal/temporalCli.js';
import { startTrainingWorker } from '../../adapters/temporal/trainingWorker.js';

export interface ResearchStackOptions {
  /** host:port of a running Temporal server; absent: the embedded dev server (or one `intraday temporal serve` runs). */
  readonly address?: string;
  readonly namespace: string;
  readonly packageRoot: string;
  readonly dataDir: string;
  /** Start the TypeScript and Python workers in this process (the demo and embedded runs do). */
  readonly workers: boolean;
  /** What the research activities need (blob store, config, scratch folder); required when `workers`. */
  readonly deps?: ResearchDeps;
  readonly blobKind: string;
  readonly blobContainer?: string;
  /** Task queues (tests isolate runs with their own). */
  readonly researchQueue?: string;
  readonly trainingQueue?: string;
  /** Lines from the workers' logs. */
  readonly onLog?: (line: string) => void;
}

export interface ResearchStack {
  readonly address: string;
  readonly namespace: string;
  readonly client: Client;
  /** True when this process started the dev server (it stops with the stack). */
  readonly embedded: boolean;
  stop(): Promise<void>;
}

/** Where the embedded dev server keeps its history, so `experiment list` and the UI see earlier runs. */
export function embeddedDbFile(dataDir: string): string {
  return join(dataDir, 'temporal', 'dev-server.sqlite');
}

/** The address of a dev server `intraday temporal serve` runs on this data folder, if its process is alive. */
export function servedAddress(dataDir: string): string | null {
  try {
    const served = JSON.parse(readFileSync(join(dataDir, 'temporal', 'serve.json'), 'utf8')) as {
      address: string;
      pid: number;
    };
    process.kill(served.pid, 0);
    return served.address;
  } catch {
    return null;
  }
}

/**
 * Connects to Temporal (starting the embedded dev server when no address is given), registers the experiment
 * search attributes, and optionally runs both workers. One call sets up what `intraday demo` needs on a bare
 * machine; `stop` takes it all down in reverse order.
 */
export async function startResearchStack(options: ResearchStackOptions): Promise<ResearchStack> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  let training: Promise<{ stop(): Promise<void> }> | null = null;
  try {
    // webpack takes seconds: bundle the workflows while the server and the Python worker start.
    const bundling = options.workers ? workflowBundle() : null;
    bundling?.catch(() => undefined); // awaited below; an early rejection must not go unhandled meanwhile
    let address = options.address ?? servedAddress(options.dataDir);
    let server: DevServer | null = null;
    if (!address) {
      mkdirSync(join(options.dataDir, 'temporal'), { recursive: true });
      server = await startDevServer({ cli: resolveTemporalCli(), dbFile: embeddedDbFile(options.dataDir) });
      cleanups.push(() => server!.stop());
      address = server.address;
    }
    const connection = await Connection.connect({ address });
    cleanups.push(() => connection.close());
    await ensureSearchAttributes(connection, options.namespace);
    const client = new Client({ connection, namespace: options.namespace });
    if (options.workers) {
      if (!options.deps) throw new Error('startResearchStack: workers need deps');
      // The Python worker starts (imports LightGBM, connects) while this process connects and builds its worker.
      training = startTrainingWorker({
        packageRoot: options.packageRoot,
        address,
        namespace: options.namespace,
        dataDir: options.dataDir,
        blobKind: options.blobKind,
        ...(options.blobContainer ? { blobContainer: options.blobContainer } : {}),
        ...(options.trainingQueue ? { taskQueue: options.trainingQueue } : {}),
        ...(options.onLog ? { onLog: options.onLog } : {}),
      });
      training.catch(() => undefined); // awaited below
      quietRuntime(); // before the first native connection, which would install the SDK's default runtime
      const native = await NativeConnection.connect({ address });
      cleanups.push(() => native.close());
      await bundling;
      const worker: Worker = await createResearchWorker({
        connection: native,
        namespace: options.namespace,
        deps: options.deps,
        ...(options.researchQueue ? { taskQueue: options.researchQueue } : {}),
      });
      const trainer = await training;
      cleanups.push(() => trainer.stop());
      training = null;
      const running = worker.run();
      cleanups.push(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
      });
    }
    return { address, namespace: options.namespace, client, embedded: server !== null, stop };
  } catch (error) {
    // A Python worker still starting when something else failed is stopped too, once it is up.
    await training?.then(
      (trainer) => trainer.stop(),
      () => undefined,
    );
    await stop();
    throw error;
  }
}
