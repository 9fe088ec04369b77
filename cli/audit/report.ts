// The audit's result as plain data: what --json prints and what the text tables and the HTML report are drawn from.
import type { AuditTally, KeptFinding, SeverityCounts } from './tally.ts';

interface DurationFigures {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  meanSeconds: number | null;
}

export interface AuditReport {
  files: string[];
  conversations: number;
  messages: { customer: number; agent: number; system: number; note: number; total: number };
  badLines: number;
  findings: SeverityCounts & { total: number };
  agents: Array<{
    agent: string;
    conversations: number;
    replies: number;
    findings: SeverityCounts;
    categories: Record<string, number>;
    firstReply: DurationFigures;
    reply: DurationFigures;
    /** The conversation checklist over the agent's conversations: how many were scored, the mean score, the share passed. */
    checklist: { conversations: number; meanScore: number | null; passedShare: number | null };
  }>;
  categories: Array<{ category: string } & SeverityCounts>;
  scenarios: Array<{ scenario: string; messages: number; conversations: number }>;
  /** The first findings, with their conversation context (at most KEPT_FINDINGS). */
  drillDown: KeptFinding[];
  /** The checklist's pass line, as the packs set it. */
  checklistPassScore: number;
}

const round = (n: number | undefined): number | null => (n === undefined ? null : Math.round(n * 10) / 10);
const severityTotal = (c: SeverityCounts): number => c.error + c.warning + c.info;

export function buildReport(tally: AuditTally, files: readonly string[]): AuditReport {
  return {
    files: [...files],
    conversations: tally.conversations,
    messages: { ...tally.messages, total: tally.messageTotal },
    badLines: tally.badLines,
    findings: { ...tally.findings, total: tally.findingTotal },
    // Most findings first: the lead reads from the top.
    agents: [...tally.agents.values()]
      .sort((a, b) => severityTotal(b.findings) - severityTotal(a.findings) || a.agent.localeCompare(b.agent))
      .map((a) => ({
        agent: a.agent,
        conversations: a.conversations,
        replies: a.replies,
        findings: { ...a.findings },
        categories: Object.fromEntries([...a.categories].sort((x, y) => y[1] - x[1])),
        firstReply: {
          count: a.firstReply.count,
          medianSeconds: round(a.firstReply.quantile(0.5)),
          p90Seconds: round(a.firstReply.quantile(0.9)),
          meanSeconds: round(a.firstReply.mean()),
        },
        reply: {
          count: a.reply.count,
          medianSeconds: round(a.reply.quantile(0.5)),
          p90Seconds: round(a.reply.quantile(0.9)),
          meanSeconds: round(a.reply.mean()),
        },
        checklist: {
          conversations: a.checklist.scored,
          meanScore: a.checklist.scored === 0 ? null : round(a.checklist.sum / a.checklist.scored),
          passedShare:
            a.checklist.scored === 0 ? null : Math.round((a.checklist.passed / a.checklist.scored) * 1000) / 1000,
        },
      })),
    categories: [...tally.categories]
      .map(([category, counts]) => ({ category, ...counts }))
      .sort((a, b) => severityTotal(b) - severityTotal(a) || a.category.localeCompare(b.category)),
    scenarios: [...tally.scenarios]
      .map(([scenario, row]) => ({ scenario, ...row }))
      .sort((a, b) => b.messages - a.messages || a.scenario.localeCompare(b.scenario)),
    drillDown: tally.kept,
    checklistPassScore: tally.checklistPassScore,
  };
}
