// The self-contained HTML report: tables, charts drawn by the inlined chart library (no network: a content security
// policy forbids it), and each kept finding in its conversation. Every text from an export is escaped, never run.
import { readFileSync } from 'node:fs';
import type { AuditLocale } from './locale.ts';
import type { AuditCatalog } from './messages.ts';
import type { AuditReport } from './report.ts';
import { auditSummary, auditTables } from './tables.ts';
import type { KeptFinding } from './tally.ts';

/** The chart library's browser build: beside the bundle when built, in dist/ when run from source. */
export function chartLibraryPath(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/audit-charts.js', here) : new URL('./audit-charts.js', here);
}

export function readChartLibrary(): string {
  return readFileSync(chartLibraryPath(), 'utf8');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]!);
}

/** JSON inside a <script> element: no "<" can end the element, and U+2028/2029 stay escaped. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
}

/** A script's source inside <script>: a "</script" in its strings would end the element early. */
function inlineScript(source: string): string {
  return source.replace(/<\/(script)/giu, '<\\/$1').replace(/<!--/gu, '<\\!--');
}

function table(header: string[], rows: string[][]): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function findingDetails(finding: KeptFinding, text: AuditCatalog): string {
  const time = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
  const before = finding.before
    .map(
      (line) =>
        `<li class="role-${line.role}"><span class="who">${escapeHtml(text.html.roles[line.role])}${line.agent ? ` · ${escapeHtml(line.agent)}` : ''} · ${time(line.time)}</span><p>${escapeHtml(line.text)}</p></li>`,
    )
    .join('\n');
  const sent =
    escapeHtml(finding.text.slice(0, finding.start)) +
    `<mark>${escapeHtml(finding.text.slice(finding.start, finding.end))}</mark>` +
    escapeHtml(finding.text.slice(finding.end));
  return `<details class="finding severity-${finding.severity}">
<summary><span class="sev">${escapeHtml(text.html.severity[finding.severity])}</span> ${escapeHtml(finding.category)} · ${escapeHtml(finding.agent)} · <code>${escapeHtml(`${finding.file}:${finding.line}`)}</code> · “${escapeHtml(finding.match)}”</summary>
<p class="message">${escapeHtml(finding.message)} <code>${escapeHtml(finding.ruleId)}</code></p>
<ol class="conversation" aria-label="${escapeHtml(`${text.columns.context} ${finding.conversation}`)}">
${before}
<li class="role-agent sent"><span class="who">${escapeHtml(text.html.roles.agent)} · ${escapeHtml(finding.agent)} · ${time(finding.time)}</span><p>${sent}</p></li>
</ol>
</details>`;
}

/** Draws the three charts from the report's data; names reach the charts as data and are drawn as SVG text. */
const CHART_SCRIPT = `(function () {
  var data = JSON.parse(document.getElementById('audit-data').textContent);
  var base = { animation: false, tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { top: 0, left: 'center' }, grid: { containLabel: true, left: 8, right: 16, top: 40, bottom: 8 } };
  function chart(id, option) {
    var element = document.getElementById(id);
    if (!element || !window.echarts) return;
    window.echarts.init(element, null, { renderer: 'svg' }).setOption(Object.assign({}, base, option));
  }
  var agents = data.agents.map(function (a) { return a.agent || '–'; });
  chart('chart-findings', {
    xAxis: { type: 'category', data: agents },
    yAxis: { type: 'value', minInterval: 1 },
    series: ['error', 'warning', 'info'].map(function (s) {
      return { name: data.labels.severity[s], type: 'bar', stack: 'findings', data: data.agents.map(function (a) { return a.findings[s]; }) };
    })
  });
  chart('chart-response', {
    xAxis: { type: 'category', data: agents },
    yAxis: { type: 'value' },
    series: [
      { name: data.labels.firstReply, type: 'bar', data: data.agents.map(function (a) { return a.firstReply.medianSeconds; }) },
      { name: data.labels.reply, type: 'bar', data: data.agents.map(function (a) { return a.reply.medianSeconds; }) }
    ]
  });
  chart('chart-checklist', {
    legend: { show: false },
    grid: { containLabel: true, left: 8, right: 36, top: 40, bottom: 8 },
    xAxis: { type: 'category', data: agents },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ name: data.labels.checklist, type: 'bar', data: data.agents.map(function (a) { return a.checklist.meanScore; }),
      markLine: { silent: true, symbol: 'none', data: [{ yAxis: data.passScore }] } }]
  });
  chart('chart-scenarios', {
    legend: { show: false },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: data.scenarios.map(function (s) { return s.scenario; }) },
    series: [{ name: data.labels.messages, type: 'bar', data: data.scenarios.map(function (s) { return s.messages; }) }]
  });
})();`;

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d232a}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #d5dae0;padding:.25rem .6rem;text-align:left}td{font-variant-numeric:tabular-nums}
.chart{height:320px;margin:1rem 0}details{border:1px solid #d5dae0;border-radius:6px;margin:.4rem 0;padding:.3rem .7rem}
summary{cursor:pointer}.severity-error .sev{color:#b3261e;font-weight:600}.severity-warning .sev{color:#8a5a00;font-weight:600}
.conversation{list-style:none;padding:0}.conversation li{margin:.4rem 0;padding:.3rem .6rem;border-left:3px solid #d5dae0}
.conversation .role-customer{border-color:#3b82f6}.conversation .sent{border-color:#b3261e;background:#fff5f4}
.who{color:#5b6570;font-size:.85em}.conversation p{margin:.1rem 0;white-space:pre-wrap;overflow-wrap:anywhere}mark{background:#ffd7d3}`;

export function htmlReport(
  report: AuditReport,
  text: AuditCatalog,
  locale: AuditLocale,
  chartLibrary: string,
  generatedAt: Date,
): string {
  const c = text.columns;
  const chartData = {
    agents: report.agents,
    scenarios: report.scenarios.slice(0, 30),
    labels: {
      severity: text.html.severity,
      firstReply: text.html.medianFirstReply,
      reply: text.html.medianReply,
      messages: c.messages,
      checklist: c.checklist,
    },
    passScore: report.checklistPassScore,
  };
  const summary = auditSummary(report, text);
  const [agentsTable, categoriesTable, scenariosTable] = auditTables(report, text).map(({ header, rows }) =>
    table(header, rows),
  );
  const findings =
    report.drillDown.length === 0
      ? `<p>${escapeHtml(text.html.none)}</p>`
      : `<p>${escapeHtml(text.html.drillHint)} ${escapeHtml(text.html.shownOf(report.drillDown.length, report.findings.total))}</p>\n` +
        report.drillDown.map((f) => findingDetails(f, text)).join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.html.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(text.html.title)}</h1>
<p>${escapeHtml(summary)}</p>
<p class="who">${escapeHtml(text.html.generated(generatedAt.toISOString()))} · ${report.files.map((f) => `<code>${escapeHtml(f)}</code>`).join(' ')}</p>
<h2>${escapeHtml(text.headings.agents)}</h2>
<div class="chart" id="chart-findings" role="img" aria-label="${escapeHtml(text.html.chartFindings)}"></div>
<div class="chart" id="chart-response" role="img" aria-label="${escapeHtml(text.html.chartResponse)}"></div>
<div class="chart" id="chart-checklist" role="img" aria-label="${escapeHtml(text.html.chartChecklist)}"></div>
${agentsTable}
<h2>${escapeHtml(text.headings.categories)}</h2>
${categoriesTable}
<h2>${escapeHtml(text.headings.scenarios)}</h2>
<div class="chart" id="chart-scenarios" role="img" aria-label="${escapeHtml(text.html.chartScenarios)}"></div>
${scenariosTable}
<h2>${escapeHtml(text.headings.findings)}</h2>
${findings}
<script type="application/json" id="audit-data">${scriptJson(chartData)}</script>
<script>${inlineScript(chartLibrary)}</script>
<script>${CHART_SCRIPT}</script>
</body>
</html>
`;
}
