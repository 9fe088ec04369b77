// The audit's summary line and tables as cells (header and rows, in the catalog's language): the terminal and the HTML report render the same ones.
import type { AuditCatalog } from './messages.ts';
import type { AuditReport } from './report.ts';

export interface AuditTable {
  heading: string;
  header: string[];
  rows: string[][];
}

export function auditSummary(report: AuditReport, text: AuditCatalog): string {
  return text.summary({
    files: report.files.length,
    conversations: report.conversations,
    messages: report.messages.total,
    badLines: report.badLines,
    findings: report.findings.total,
  });
}

/** Per agent, per warning category and per scenario, in that order. */
export function auditTables(report: AuditReport, text: AuditCatalog): AuditTable[] {
  const c = text.columns;
  return [
    {
      heading: text.headings.agents,
      header: [
        c.agent,
        c.conversations,
        c.replies,
        c.errors,
        c.warnings,
        c.infos,
        c.firstReply,
        c.reply,
        c.checklist,
        c.checklistPassed,
      ],
      rows: report.agents.map((a) => [
        a.agent || '–',
        String(a.conversations),
        String(a.replies),
        String(a.findings.error),
        String(a.findings.warning),
        String(a.findings.info),
        text.duration(a.firstReply.medianSeconds ?? undefined),
        text.duration(a.reply.medianSeconds ?? undefined),
        a.checklist.meanScore === null ? '–' : String(a.checklist.meanScore),
        a.checklist.passedShare === null ? '–' : `${Math.round(a.checklist.passedShare * 100)}%`,
      ]),
    },
    {
      heading: text.headings.categories,
      header: [c.category, c.errors, c.warnings, c.infos],
      rows: report.categories.map((r) => [r.category, String(r.error), String(r.warning), String(r.info)]),
    },
    {
      heading: text.headings.scenarios,
      header: [c.scenario, c.messages, c.conversations],
      rows: report.scenarios.map((s) => [s.scenario, String(s.messages), String(s.conversations)]),
    },
  ];
}
