import { writeFile } from 'node:fs/promises';
import type { QuarantineReport } from '../../core/data/Quarantine.js';

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes every quarantined row (line, ticker, reason, detail, original text) as CSV, so nothing is lost. */
export async function writeQuarantine(path: string, report: QuarantineReport): Promise<void> {
  const lines = ['line,ticker,reason,detail,raw'];
  for (const row of report.rows) {
    lines.push([String(row.line), row.ticker, row.reason, row.detail, row.raw].map(csvField).join(','));
  }
  await writeFile(path, `${lines.join('\n')}\n`);
}
