import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_IMPORTANCE_ORDER, reportFixture } from '../../tests/support/reportFixture.js';
import { renderReport } from './renderReport.js';

// The report opened in Debian's headless Chromium, as a reader would open the file: every request other than the
// file itself is aborted and recorded (the test fails on any), so the charts below were drawn offline.

const HYPOTHESIS = 'Trend <script>window.__injected = 1</script> & "RSI" predict <b>direction</b>';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's chromium binary; a missing one fails the suite (setup installs it), it never skips. */
function chromiumPath(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      "chromium is not on PATH: the report test needs Debian's headless Chromium. Run `bash scripts/setup/chromium.sh` " +
        '(as root: apt-get install -y --no-install-recommends chromium)',
    );
  }
}

// The project compiles without the DOM library: the few browser objects the page functions touch, typed here.
interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
interface PageGlobals {
  readonly document: { querySelector(selector: string): CanvasLike | null };
  readonly __injected?: number;
}

/** A chart canvas's size, its non-transparent pixels, and the opaque ones near the series colour. */
interface CanvasCount {
  readonly width: number;
  readonly height: number;
  readonly drawn: number;
  readonly series: number;
}

/** Pixels of a chart's canvas close to an RGB colour (the series stroke), and all non-transparent pixels. */
async function canvasPixels(page: Page, selector: string, rgb: [number, number, number]): Promise<CanvasCount | null> {
  return page.evaluate(
    (sel, [r, g, b]): CanvasCount | null => {
      const canvas = (globalThis as unknown as PageGlobals).document.querySelector(sel);
      if (!canvas) return null;
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) {
        return { width: canvas.width, height: canvas.height, drawn: 0, series: 0 };
      }
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let drawn = 0;
      let series = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] === 0) continue;
        drawn++;
        if (Math.abs(pixels[i] - r) < 40 && Math.abs(pixels[i + 1] - g) < 40 && Math.abs(pixels[i + 2] - b) < 40) {
          if (pixels[i + 3] > 200) series++;
        }
      }
      return { width: canvas.width, height: canvas.height, drawn, series };
    },
    selector,
    rgb,
  );
}

describe('the experiment report in headless Chromium', () => {
  const data = reportFixture({ hypothesis: HYPOTHESIS });
  const problems: string[] = [];
  const outsideRequests: string[] = [];
  let folder = '';
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    const executablePath = chromiumPath();
    folder = await mkdtemp(join(tmpdir(), 'intraday-report-'));
    const file = join(folder, 'report.html');
    await writeFile(file, renderReport(data));
    const url = pathToFileURL(file).href;
    browser = await puppeteer.launch({ executablePath, headless: true, args: FLAGS });
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1 });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === url) {
        void request.continue();
      } else {
        outsideRequests.push(request.url());
        void request.abort();
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-charts]', { timeout: 10_000 });
  });

  afterAll(async () => {
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('loads with no request besides the file itself, and no console or page error', async () => {
    expect(outsideRequests, 'requests other than the report file').toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.$eval('html', (element) => element.getAttribute('data-charts'))).toBe('drawn');
  });

  it('draws the equity and drawdown charts: sized canvases holding their series colour', async () => {
    const equity = await canvasPixels(page, '#equity-chart canvas', [31, 119, 180]);
    const drawdown = await canvasPixels(page, '#drawdown-chart canvas', [214, 39, 40]);

    for (const [name, chart] of [
      ['equity', equity],
      ['drawdown', drawdown],
    ] as const) {
      expect(chart, `${name} canvas exists`).not.toBeNull();
      expect(chart?.width, `${name} canvas width`).toBeGreaterThan(300);
      expect(chart?.height, `${name} canvas height`).toBeGreaterThan(100);
      // A 2-pixel line across ~1000 pixels of plot: far more than axis text could ever match by colour.
      expect(chart?.series, `${name} pixels in the series colour`).toBeGreaterThan(800);
      expect(chart?.drawn, `${name} non-transparent pixels`).toBeGreaterThan(chart?.series ?? 0);
    }
  });

  it('shows the verdict and every reason', async () => {
    const verdict = await page.$eval('#verdict-word', (element) => element.textContent);
    const reasons = await page.$$eval('#verdict-reasons li', (items) => items.map((item) => item.textContent));

    expect(verdict).toBe('ITERATE');
    expect(reasons).toEqual(data.evaluation.reasons);
  });

  it('has one fold table row per fold', async () => {
    const rows = await page.$$eval('#fold-table tbody tr', (items) =>
      items.map((item) => item.getAttribute('data-fold')),
    );

    expect(rows).toEqual(['0', '1', '2']);
  });

  it('lists the features in descending order of importance', async () => {
    const rows = await page.$$eval('#importance-chart .imp-row', (items) =>
      items.map((item) => ({
        feature: item.getAttribute('data-feature'),
        share: Number(item.getAttribute('data-gain-share')),
      })),
    );

    expect(rows.map((row) => row.feature)).toEqual(FIXTURE_IMPORTANCE_ORDER);
    const shares = rows.map((row) => row.share);
    expect(shares, 'gain shares descend').toEqual([...shares].sort((a, b) => b - a));
  });

  it('shows a hypothesis holding markup as text and never runs it', async () => {
    const shown = await page.$eval('.subtitle', (element) => element.textContent);
    const injected = await page.evaluate(() => (globalThis as unknown as PageGlobals).__injected);
    const scripts = await page.$$eval('script', (items) => items.length);

    expect(shown).toBe(HYPOTHESIS);
    expect(injected).toBeUndefined();
    expect(scripts).toBe(3);
  });

  it('labels the synthetic data', async () => {
    const banner = await page.$eval('#synthetic-banner', (element) => element.textContent);

    expect(banner).toMatch(/^SYNTHETIC DATA: /);
  });
});
