// Findings worst first, for the panel's list and the composer's badge: an error never hides behind a hint.
import type { Finding, Severity } from '../../engine/types.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings by severity, worst first; in the draft's order within a severity. */
export function worstFirst<T extends Pick<Finding, 'severity' | 'start'>>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start);
}

/** The worst severity among the findings ('info' for none). */
export function worstSeverityOf(findings: ReadonlyArray<Pick<Finding, 'severity'>>): Severity {
  return findings.reduce<Severity>(
    (worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst),
    'info',
  );
}
