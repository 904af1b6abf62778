import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import { parseModelCard } from '../../adapters/model/modelCard.js';
import type { FoldImportance, ReportData } from '../../adapters/report/ReportData.js';
import { renderReport } from '../../adapters/report/renderReport.js';
import type { BacktestArtifact, ReportInput, ReportResult } from '../../core/experiment/contracts.js';
import { getJson, keySegment } from './blobFiles.js';
import type { ExperimentDeps } from './deps.js';

/** Where the report of an experiment is stored. */
export const reportKeyOf = (experimentId: string): string => `experiments/${keySegment(experimentId)}/report.html`;

/**
 * Renders the experiment's self-contained HTML report from the stored backtest artifact and the fold models' cards,
 * and stores it at `experiments/<experimentId>/report.html`. Idempotent: the report holds nothing but the input and
 * those blobs (no clock), so a retry writes the same bytes. A card that fails its schema is MODEL_CARD_INVALID.
 */
export async function writeReport(deps: ExperimentDeps, input: ReportInput): Promise<ReportResult> {
  const key = reportKeyOf(input.experimentId);
  deps.heartbeat({ step: 'report', reading: input.backtest.resultKey });
  const backtest = await getJson<BacktestArtifact>(deps, input.backtest.resultKey);
  const importance: FoldImportance[] = [];
  for (const [index, model] of input.models.entries()) {
    const card = parseModelCard(model.card_key, Buffer.from(await deps.store.get(model.card_key)).toString('utf8'));
    importance.push({
      fold: input.dataset.folds[index]?.fold ?? index,
      gain: card.importance.gain,
      permutation: card.importance.permutation,
    });
  }
  const { prepared } = input;
  const data: ReportData = {
    experimentId: input.experimentId,
    name: prepared.name,
    hypothesis: prepared.hypothesis,
    configHash: prepared.configHash,
    featureSetHash: prepared.featureSetHash,
    source: input.ingest.source,
    tickers: input.ingest.tickers,
    rows: input.dataset.rows,
    features: prepared.features,
    target: prepared.target.name,
    model: `${prepared.modelName} (${prepared.model.framework})`,
    evaluation: input.evaluation,
    backtest,
    importance,
  };
  const html = renderReport(data);
  await deps.store.put(key, html, { contentType: 'text/html; charset=utf-8' });
  deps.heartbeat({ step: 'report', wrote: key, bytes: html.length });
  return { reportKey: key, reportPath: deps.store instanceof LocalBlobStore ? deps.store.pathOf(key) : null };
}
