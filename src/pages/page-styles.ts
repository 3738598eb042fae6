/** The homepage's whole style sheet: light and dark, narrow and wide screens, no external assets. */
export const PAGE_STYLES = `
:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #1b1f24;
  --muted: #57606a;
  --line: #d0d7de;
  --panel: #f6f8fa;
  --accent: #0a58ca;
  --get: #116329;
  --write: #8a4600;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --fg: #e6edf3;
    --muted: #9aa5b1;
    --line: #30363d;
    --panel: #161b22;
    --accent: #6cb6ff;
    --get: #56d364;
    --write: #f0a35e;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
.skip, .sr-only { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--panel); padding: 0.5rem; }
header, main, footer { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 2rem; }
h1 { margin: 0; font-size: 2rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h3 { margin: 1.5rem 0 0.5rem; }
a { color: var(--accent); }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.lead { color: var(--muted); margin: 0.25rem 0 1rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; margin: 0; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem; overflow-x: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); }
thead th { color: var(--muted); font-weight: 600; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
.routes { margin: 0; padding: 0; list-style: none; }
.method { font-weight: 600; color: var(--get); }
.method.write { color: var(--write); }
ul.examples { padding-left: 1.25rem; }
dl.options { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.5rem; }
dl.options dt { font-weight: 600; }
dl.options dd { margin: 0; }
ol.changes { list-style: none; padding: 0; margin: 0; font-variant-numeric: tabular-nums; }
ol.changes li { padding: 0.2rem 0; border-bottom: 1px solid var(--line); }
ol.changes time { color: var(--muted); }
.change { font-weight: 600; color: var(--get); }
.change.deleted, .change.reset { color: var(--write); }
footer { color: var(--muted); padding-top: 2rem; padding-bottom: 2rem; }
@media (max-width: 40rem) {
  h1 { font-size: 1.5rem; }
  th, td { padding: 0.3rem; }
  td code, li code { overflow-wrap: anywhere; }
  dl.options { grid-template-columns: 1fr; }
  dl.options dd { margin-bottom: 0.5rem; }
}
`
