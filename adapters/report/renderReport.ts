import type { ReportData } from './ReportData.js';
import { renderReportHtml } from './renderReportHtml.js';
import { loadUplotAssets } from './uplotAssets.js';

/** The experiment report as one self-contained HTML file (uPlot inlined from node_modules; no network needed). */
export function renderReport(data: ReportData): string {
  return renderReportHtml(data, loadUplotAssets());
}
