// The audit as text for the terminal: a summary line and Markdown tables per agent, per category and per scenario.
import type { AuditCatalog } from './messages.ts';
import type { AuditReport } from './report.ts';

function table(header: string[], rows: string[][]): string {
  const escape = (cell: string): string => cell.replace(/\|/gu, '\\|').replace(/\s+/gu, ' ');
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(escape).join(' | ')} |`).join('\n');
}

export function textReport(report: AuditReport, text: AuditCatalog): string {
  const c = text.columns;
  const sections = [
    text.summary({
      files: report.files.length,
      conversations: report.conversations,
      messages: report.messages.total,
      badLines: report.badLines,
      findings: report.findings.total,
    }),
    `## ${text.headings.agents}\n\n${table(
      [c.agent, c.conversations, c.replies, c.errors, c.warnings, c.infos, c.firstReply, c.reply],
      report.agents.map((a) => [
        a.agent || '–',
        String(a.conversations),
        String(a.replies),
        String(a.findings.error),
        String(a.findings.warning),
        String(a.findings.info),
        text.duration(a.firstReply.medianSeconds ?? undefined),
        text.duration(a.reply.medianSeconds ?? undefined),
      ]),
    )}`,
    `## ${text.headings.categories}\n\n${table(
      [c.category, c.errors, c.warnings, c.infos],
      report.categories.map((r) => [r.category, String(r.error), String(r.warning), String(r.info)]),
    )}`,
    `## ${text.headings.scenarios}\n\n${table(
      [c.scenario, c.messages, c.conversations],
      report.scenarios.map((s) => [s.scenario, String(s.messages), String(s.conversations)]),
    )}`,
  ];
  return sections.join('\n\n') + '\n';
}
