/** The report's own CSS (uPlot's stylesheet is inlined beside it). */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --gain: #1f77b4; --perm: #9467bd; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
section { overflow-x: auto; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 14px; margin: 18px 0 6px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
.synthetic { background: #fff4ce; border: 2px solid #bf8700; color: #7d4e00; font-weight: 700; padding: 8px 12px; margin: 0 0 16px; }
.badge-synthetic { background: #bf8700; color: #fff; font-weight: 700; padding: 1px 6px; border-radius: 3px; }
.verdict { border-radius: 8px; padding: 16px 20px; color: #fff; }
.verdict-kill { background: #b91c1c; }
.verdict-iterate { background: #b45309; }
.verdict-promising { background: #15803d; }
.verdict-label { text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; opacity: 0.85; }
.verdict-word { font-size: 56px; font-weight: 800; line-height: 1.1; letter-spacing: 0.02em; }
.verdict ul { margin: 8px 0 0; padding-left: 20px; font-size: 15px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin-top: 16px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card-value { font-size: 22px; font-weight: 700; }
.card-label { color: var(--muted); font-size: 12px; }
.chart { width: 100%; min-height: 120px; }
table { border-collapse: collapse; }
table.kv th { text-align: left; font-weight: 600; padding: 3px 16px 3px 0; vertical-align: top; white-space: nowrap; }
table.kv td { padding: 3px 0; word-break: break-word; }
table.grid { width: 100%; font-variant-numeric: tabular-nums; }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: right; white-space: nowrap; }
table.grid th:first-child, table.grid td:first-child { text-align: left; }
table.trades { font-size: 12px; }
.note { color: var(--muted); }
.imp-head, .imp-row { display: grid; grid-template-columns: 180px 1fr 70px 1fr 90px; gap: 8px; align-items: center; }
.imp-head { color: var(--muted); font-size: 12px; }
.imp-row { padding: 2px 0; }
.imp-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.imp-value { text-align: right; font-variant-numeric: tabular-nums; }
.bar-track { background: #f0f3f6; height: 14px; border-radius: 2px; }
.bar { height: 14px; border-radius: 2px; }
.bar.gain { background: var(--gain); }
.bar.perm { background: var(--perm); }
.bar.perm.negative { background: #8c959f; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
`;
