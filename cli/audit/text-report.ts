// The audit as text for the terminal: a summary line and Markdown tables per agent, per category and per scenario.
import type { AuditCatalog } from './messages.ts';
import type { AuditReport } from './report.ts';
import { auditSummary, auditTables } from './tables.ts';

function table(header: string[], rows: string[][]): string {
  const escape = (cell: string): string => cell.replace(/\|/gu, '\\|').replace(/\s+/gu, ' ');
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(escape).join(' | ')} |`).join('\n');
}

export function textReport(report: AuditReport, text: AuditCatalog): string {
  const sections = [
    auditSummary(report, text),
    ...auditTables(report, text).map(({ heading, header, rows }) => `## ${heading}\n\n${table(header, rows)}`),
  ];
  return sections.join('\n\n') + '\n';
}
