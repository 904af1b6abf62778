/**
 * The page script (plain ES2017, runs in the browser after uPlot): reads the chart data from the JSON block and
 * draws the equity and drawdown charts with a shared cursor, in UTC so a session day never shifts with the
 * reader's time zone. It marks <html data-charts="drawn"> when done, or "failed" with the error on the console.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var root = document.documentElement;
  try {
    var data = JSON.parse(document.getElementById('report-data').textContent);
    var equityElement = document.getElementById('equity-chart');
    var drawdownElement = document.getElementById('drawdown-chart');
    if (!equityElement || !drawdownElement || data.x.length < 2) { root.setAttribute('data-charts', 'none'); return; }
    var utc = function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); };
    var dollars = function (v) { return v == null ? '' : '$' + Math.round(v).toString().replace(/\\B(?=(\\d{3})+(?!\\d))/g, ','); };
    var percent = function (v) { return v == null ? '' : (v * 100).toFixed(2) + '%'; };
    var width = function (element) { return Math.max(320, Math.floor(element.getBoundingClientRect().width)); };
    var options = function (element, label, stroke, fill, format, height) {
      return {
        width: width(element), height: height, tzDate: utc,
        cursor: { sync: { key: 'report' } },
        scales: { x: { time: true } },
        legend: { live: true },
        series: [
          { label: 'Session' },
          { label: label, stroke: stroke, fill: fill, width: 2, value: function (u, v) { return format(v); } }
        ],
        axes: [{}, { size: 80, values: function (u, values) { return values.map(format); } }]
      };
    };
    var equity = new uPlot(options(equityElement, 'Equity', '#1f77b4', 'rgba(31,119,180,0.08)', dollars, 320),
      [data.x, data.equity], equityElement);
    var drawdown = new uPlot(options(drawdownElement, 'Drawdown', '#d62728', 'rgba(214,39,40,0.35)', percent, 200),
      [data.x, data.drawdown], drawdownElement);
    window.addEventListener('resize', function () {
      equity.setSize({ width: width(equityElement), height: 320 });
      drawdown.setSize({ width: width(drawdownElement), height: 200 });
    });
    root.setAttribute('data-charts', 'drawn');
  } catch (error) {
    root.setAttribute('data-charts', 'failed');
    console.error('report charts failed:', error);
  }
})();
`;
