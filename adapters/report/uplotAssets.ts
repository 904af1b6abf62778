import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReportAssetError } from './errors.js';
import type { ReportAssets } from './renderReportHtml.js';

let cached: ReportAssets | undefined;

/**
 * uPlot's minified script and stylesheet from the installed package (read once per process). Checked so that
 * neither can close the element it is inlined into: such a release would break the report, and fails here with
 * the file named instead.
 */
export function loadUplotAssets(): ReportAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  let folder: string;
  try {
    folder = join(dirname(require.resolve('uplot/package.json')), 'dist');
  } catch (error) {
    throw new ReportAssetError(`the npm package uplot is not installed (${(error as Error).message}); run npm install`);
  }
  const read = (name: string, closing: RegExp): string => {
    const path = join(folder, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ReportAssetError(`cannot read ${path} (${(error as Error).message}); reinstall the npm package uplot`);
    }
    if (closing.test(text)) throw new ReportAssetError(`${path} contains ${closing.source}, which cannot be inlined`);
    return text;
  };
  cached = {
    uplotJs: read('uPlot.iife.min.js', /<\/script|<script|<!--/i),
    uplotCss: read('uPlot.min.css', /<\/style/i),
  };
  return cached;
}
