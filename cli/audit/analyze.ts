// The engine's part of an audit, the same in the main thread and in workers: lint what agents sent, detect what
// customers asked; notes and system lines are read by nobody.
import { createEngine, type Engine, type Pack, type Severity } from '../../engine/index.ts';
import type { AuditRole } from './formats.ts';

/** A finding as the report keeps it. */
export interface SentFinding {
  ruleId: string;
  category: string;
  severity: Severity;
  start: number;
  end: number;
  match: string;
  message: string;
}

/** What the engine said of one message: findings of an agent's message, the leading scenario of a customer's. */
export interface Analysis {
  findings?: SentFinding[];
  scenario?: string;
  /** An agent's message: the checklist items whose phrases it holds (the checklist reads these, not the text). */
  says?: string[];
}

export type Analyze = (role: AuditRole, text: string) => Analysis;

/** An analyzer over the given packs (the built-in ones when none). */
export function createAnalyzer(packs: readonly Pack[]): Analyze {
  return analyzerOf(createEngine(packs));
}

function analyzerOf(engine: Engine): Analyze {
  return (role, text) => {
    if (role === 'agent') {
      const findings = engine.lint(text);
      const says = engine.checklistPhrasesIn(text);
      if (findings.length === 0) return says.length > 0 ? { says } : {};
      return {
        ...(says.length > 0 && { says }),
        findings: findings.map((f) => ({
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          start: f.start,
          end: f.end,
          match: f.match,
          message: f.message,
        })),
      };
    }
    if (role === 'customer') {
      const scenario = engine.detect(text, { top: 1 }).scenarios[0]?.id;
      return scenario === undefined ? {} : { scenario };
    }
    return {};
  };
}
