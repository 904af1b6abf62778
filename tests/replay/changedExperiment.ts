// A deliberately non-deterministic edit of workflows/experiment.ts for the replay test: it computes the feature
// shards before ingesting the bars and drops the search-attribute upsert. Replaying a recorded history against
// it must fail, which shows the replay test catches real changes.
import { proxyActivities } from '@temporalio/workflow';
import type { ExperimentInput, ResearchActivities } from '../../core/experiment/contracts.js';

const steps = proxyActivities<ResearchActivities>({ startToCloseTimeout: '10 minutes' });

export async function experiment(input: ExperimentInput): Promise<unknown> {
  const prepared = await steps.prepareExperiment(input);
  await Promise.all(prepared.shards.map((_, shard) => steps.computeFeatureShard({ prepared, shard })));
  return steps.ingestBars({ prepared });
}
