import { describe, expect, it } from 'vitest';
import { FIXTURE_IMPORTANCE_ORDER, reportFixture } from '../../tests/support/reportFixture.js';
import { renderReport } from './renderReport.js';
import { renderReportHtml } from './renderReportHtml.js';

// Placeholder assets keep these tests about the template; renderReport's own test checks the real uPlot is inlined.
const ASSETS = { uplotJs: 'window.uPlotPlaceholder = 1;', uplotCss: '.uplot { display: block; }' };
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('renderReportHtml', () => {
  it('shows a hypothesis, a reason and a name holding markup as text, never as markup', () => {
    const data = reportFixture({
      name: 'x<img src=x onerror=alert(1)>',
      hypothesis: 'trend <script>alert("pwned")</script> & RSI',
    });
    const evaluation = { ...data.evaluation, reasons: ['a </script><b>bold</b> reason'] };

    const html = renderReportHtml({ ...data, evaluation }, ASSETS);

    expect(html).toContain('trend &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; RSI');
    expect(html).toContain('a &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; reason');
    expect(html, 'the hostile strings never appear raw').not.toMatch(/<script>alert|<img src=x|<b>bold/);
    expect(count(html, '<script'), 'only the data block, uPlot and the page script').toBe(3);
    expect(count(html, '</script>')).toBe(3);
  });

  it('renders the same bytes for the same data', () => {
    expect(renderReportHtml(reportFixture(), ASSETS)).toBe(renderReportHtml(reportFixture(), ASSETS));
  });

  it('embeds the equity and drawdown columns as JSON that parses back', () => {
    const data = reportFixture();

    const html = renderReportHtml(data, ASSETS);

    const block = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
    const charts = JSON.parse(block?.[1] ?? 'null') as { equity: number[]; drawdown: number[]; days: string[] };
    expect(charts.equity).toEqual(data.backtest.equity.map((point) => point.equity));
    expect(charts.days[0]).toBe(data.backtest.equity[0].day);
    expect(Math.min(...charts.drawdown)).toBeCloseTo(-(data.backtest.metrics.max_drawdown ?? 0), 12);
  });

  it('labels synthetic data in a banner and in the identity table, and only then', () => {
    const synthetic = renderReportHtml(reportFixture(), ASSETS);
    const real = renderReportHtml(reportFixture({ source: '/data/bars.parquet' }), ASSETS);

    expect(synthetic).toContain('id="synthetic-banner">SYNTHETIC DATA');
    expect(synthetic).toContain('<span class="badge-synthetic">SYNTHETIC DATA</span>');
    expect(real).not.toContain('SYNTHETIC DATA');
    expect(real).toContain('/data/bars.parquet');
  });

  it('has one fold row per fold and the features in descending importance', () => {
    const html = renderReportHtml(reportFixture(), ASSETS);

    expect(count(html, '<tr data-fold=')).toBe(3);
    const order = [...html.matchAll(/class="imp-row" data-feature="([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual(FIXTURE_IMPORTANCE_ORDER);
  });

  it('falls back to statistics of the trades for headline numbers the metrics lack', () => {
    const data = reportFixture();
    const trades = [
      { ...data.backtest.trades[0], pnl: 30 },
      { ...data.backtest.trades[1], pnl: -10 },
    ];

    const html = renderReportHtml({ ...data, backtest: { ...data.backtest, metrics: {}, trades } }, ASSETS);

    expect(html).toContain('<div class="card-value">3.00</div><div class="card-label">Profit factor</div>');
    expect(html).toContain('<div class="card-value">50.0%</div><div class="card-label">Win rate</div>');
    expect(html).toContain('<div class="card-value">2</div><div class="card-label">Trades</div>');
  });

  it('writes a note instead of charts when there are fewer than two sessions', () => {
    const data = reportFixture();

    const html = renderReportHtml({ ...data, backtest: { ...data.backtest, equity: [] } }, ASSETS);

    expect(html).toContain('No out-of-sample sessions to draw.');
    expect(html).not.toContain('id="equity-chart"');
  });
});

describe('renderReport', () => {
  it('inlines the installed uPlot script and stylesheet and references no outside resource', () => {
    const html = renderReport(reportFixture());

    expect(html).toContain('var uPlot=function()');
    expect(html).toContain('.uplot');
    expect(html, 'no src= or href= other than the data: icon').not.toMatch(/\s(src|href)="(?!data:)/);
  });
});
