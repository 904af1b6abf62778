import type { NativeConnection } from '@temporalio/worker';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createResearchActivities, type ResearchDeps } from '../../activities/research.js';
import { RESEARCH_TASK_QUEUE } from '../../core/experiment/searchAttributes.js';
import { writeLogEntry } from './logLine.js';

/** workflows/index: the compiled file next to this one under dist/, or the TypeScript source when run from it. */
export function workflowsPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const js = join(here, '..', '..', 'workflows', 'index.js');
  return existsSync(js) ? js : join(here, '..', '..', 'workflows', 'index.ts');
}

// Sources import with NodeNext `.js` specifiers; when bundling the .ts sources webpack must try `.ts` for them.
const webpackConfigHook = (
  config: Parameters<NonNullable<Parameters<typeof bundleWorkflowCode>[0]['webpackConfigHook']>>[0],
) => ({
  ...config,
  resolve: { ...config.resolve, extensionAlias: { '.js': ['.ts', '.js'] } },
});

let bundle: Promise<{ code: string }> | undefined;

/** Bundles the workflows at `path` for the sandbox (the replay tests bundle a deliberately changed copy too). */
export function bundleWorkflows(path: string = workflowsPath()): Promise<{ code: string }> {
  return bundleWorkflowCode({ workflowsPath: path, webpackConfigHook, logger: quietLogger });
}

/** The workflow bundle, built once per process (webpack takes a second or two) and shared by every worker. */
export function workflowBundle(): Promise<{ code: string }> {
  bundle ??= bundleWorkflows();
  return bundle;
}

/** webpack's bundle report is noise on a CLI; warnings and errors still surface. */
const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string, meta?: Record<string, unknown>) => console.warn(message, meta ?? ''),
  error: (message: string, meta?: Record<string, unknown>) => console.error(message, meta ?? ''),
};

let runtimeInstalled = false;

/**
 * The SDK logs every worker state change at INFO; a CLI user wants warnings and errors only (a failed workflow
 * task still shows), and a bad-input failure in one line (logLine.ts). INTRADAY_TEMPORAL_LOG_LEVEL (TRACE..ERROR)
 * overrides the level. Installed once, before any worker.
 */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const level = (process.env['INTRADAY_TEMPORAL_LOG_LEVEL'] ?? 'WARN') as 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  try {
    Runtime.install({ logger: new DefaultLogger(level, writeLogEntry) });
  } catch {
    // Already installed by the host (a test or an embedding application): keep theirs.
  }
}

export interface ResearchWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly deps: ResearchDeps;
  readonly taskQueue?: string;
}

/**
 * The TypeScript worker: the experiment workflow and the research activities on one task queue. Training is the
 * Python worker's (task queue `training`), called by name from the workflow.
 */
export async function createResearchWorker(options: ResearchWorkerOptions): Promise<Worker> {
  quietRuntime();
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? RESEARCH_TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: createResearchActivities(options.deps),
    // Two cores: more concurrent CPU-bound steps would only slow each other and delay heartbeats.
    maxConcurrentActivityTaskExecutions: 4,
  });
}
