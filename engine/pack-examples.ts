// A pack's own examples checked against an engine that holds it: each rule's match / noMatch drafts and each scenario's example messages, for the pack editor's live counts.
import type { Engine } from './index.ts';
import type { Pack } from './types.ts';

export interface ExampleMiss {
  text: string;
  /** What the example says should happen: the rule fires (`match`), it stays silent (`noMatch`), the scenario is found first (`scenario`). */
  expected: 'match' | 'noMatch' | 'scenario';
}

export interface ExampleCheck {
  kind: 'rule' | 'scenario';
  id: string;
  passed: number;
  total: number;
  misses: ExampleMiss[];
}

/**
 * Every rule and scenario of `pack` that has examples, in the pack's order: how many of its examples the engine gets
 * right. `engine` is built from the packs as they would be in force, this one included, so the counts are what the
 * agents would see. A disabled rule is left out (it fires on nothing, by design).
 */
export function checkPackExamples(pack: Pack, engine: Pick<Engine, 'lint' | 'detect'>): ExampleCheck[] {
  const checks: ExampleCheck[] = [];
  for (const rule of pack.rules ?? []) {
    if (rule.disabled) continue;
    const match = rule.examples?.match ?? [];
    const noMatch = rule.examples?.noMatch ?? [];
    if (match.length + noMatch.length === 0) continue;
    const fires = (text: string) => engine.lint(text).some((finding) => finding.ruleId === rule.id);
    const misses: ExampleMiss[] = [
      ...match.filter((text) => !fires(text)).map((text) => ({ text, expected: 'match' as const })),
      ...noMatch.filter((text) => fires(text)).map((text) => ({ text, expected: 'noMatch' as const })),
    ];
    const total = match.length + noMatch.length;
    checks.push({ kind: 'rule', id: rule.id, passed: total - misses.length, total, misses });
  }
  for (const scenario of pack.scenarios ?? []) {
    const examples = scenario.examples ?? [];
    if (examples.length === 0) continue;
    const misses = examples
      .filter((text) => engine.detect(text, { top: 1 }).scenarios[0]?.id !== scenario.id)
      .map((text) => ({ text, expected: 'scenario' as const }));
    checks.push({
      kind: 'scenario',
      id: scenario.id,
      passed: examples.length - misses.length,
      total: examples.length,
      misses,
    });
  }
  return checks;
}
