// The fix of a finding: the range of the draft it replaces and the text, widened to the clause when a rule gives a rewrite.
import type { FindingFix } from './types.ts';

// Clause ends: a fix that rewrites a clause must not run past one, so the rest of the sentence stays the agent's.
const CLAUSE_END = /[，,；;。.！!？?…\n\r]/u;

/** The clause around [start, end): from after the previous clause end to before the next one. */
export function clauseAround(draft: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(draft[from - 1]!)) from--;
  let to = end;
  while (to < draft.length && !CLAUSE_END.test(draft[to]!)) to++;
  return { start: from, end: to };
}

/** 你 when the draft addresses the customer only with 你; otherwise the polite 您 (also when it uses neither). */
export function formOfAddress(draft: string): '你' | '您' {
  return draft.includes('你') && !draft.includes('您') ? '你' : '您';
}

/**
 * The fix for a match at [start, end). A rewrite replaces the whole clause, with {before} and {after} standing for the
 * clause's text around the match and {you} for the draft's form of address; a plain suggestion replaces the match only.
 */
export function computeFix(
  draft: string,
  start: number,
  end: number,
  rule: { rewrite?: string; suggestion?: string },
): FindingFix | undefined {
  if (rule.rewrite !== undefined) {
    const clause = clauseAround(draft, start, end);
    const values: Record<string, string> = {
      before: draft.slice(clause.start, start),
      after: draft.slice(end, clause.end),
      you: formOfAddress(draft),
    };
    const text = rule.rewrite.replace(/\{(before|after|you)\}/g, (_, name: string) => values[name]!);
    return { start: clause.start, end: clause.end, text };
  }
  if (rule.suggestion !== undefined) return { start, end, text: rule.suggestion };
  return undefined;
}
