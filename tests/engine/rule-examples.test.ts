// Every rule's own examples: each `match` draft yields a finding of that rule, each `noMatch` draft none (each shipped pack on its own), and its fix gives the `fixed` draft.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createEngine } from '../../engine/index.ts';
import { createLinter } from '../../engine/lint.ts';
import { mergePacks } from '../../engine/pack-merge.ts';
import type { Pack, Rule } from '../../engine/types.ts';

const packDir = join(import.meta.dirname, '../../data/packs');
const packs: Pack[] = readdirSync(packDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(packDir, f), 'utf8')) as Pack);

describe.each(packs.map((p) => [p.id, p] as const))('pack %s', (_id, pack) => {
  const lint = createLinter(pack.rules ?? []);
  const cases = (pack.rules ?? []).flatMap((rule) => [
    ...(rule.examples?.match ?? []).map((text) => ({ rule: rule.id, text, expected: true })),
    ...(rule.examples?.noMatch ?? []).map((text) => ({ rule: rule.id, text, expected: false })),
  ]);

  it('has examples for every rule', () => {
    for (const rule of pack.rules ?? []) expect(rule.examples?.match?.length ?? 0, rule.id).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.rule, c.expected ? 'matches' : 'does not match', c.text, c] as const))(
    '%s %s %s',
    (_rule, _verb, _text, c) => {
      const ruleIds = lint(c.text).map((f) => f.ruleId);
      expect(ruleIds.includes(c.rule), `${c.rule} on "${c.text}" → [${ruleIds.join(', ')}]`).toBe(c.expected);
    },
  );
});

// Shipped together, the packs share rule ids and only one version of each rule survives the merge: every pack's
// examples must still hold with the merged rules, or a Taiwan agent's draft slips past the mainland wording. A phrase or
// a value both languages watch (100%, a card number) is reported once, by one pack's rule of the same category.
describe('the default packs merged', () => {
  const lint = createLinter(mergePacks(DEFAULT_PACKS).rules);
  const cases = packs.flatMap((pack) =>
    (pack.rules ?? []).flatMap((rule) => [
      ...(rule.examples?.match ?? []).map((text) => ({
        pack: pack.id,
        rule: rule.id,
        category: rule.category,
        text,
        expected: true,
      })),
      ...(rule.examples?.noMatch ?? []).map((text) => ({
        pack: pack.id,
        rule: rule.id,
        category: rule.category,
        text,
        expected: false,
      })),
    ]),
  );

  it.each(cases.map((c) => [c.pack, c.rule, c.expected ? 'matches' : 'does not match', c.text, c] as const))(
    '%s: %s %s %s',
    (_pack, _rule, _verb, _text, c) => {
      const findings = lint(c.text);
      const shown = `${c.rule} on "${c.text}" → [${findings.map((f) => f.ruleId).join(', ')}]`;
      if (c.expected)
        expect(
          findings.some((f) => f.category === c.category),
          shown,
        ).toBe(true);
      else
        expect(
          findings.some((f) => f.ruleId === c.rule),
          shown,
        ).toBe(false);
    },
  );
});

// Every rule's one-click fix, applied to each of its `match` drafts as an agent would (the fix of the first finding of
// the rule's category, again while one is left), gives the fixed draft its examples name. The fixed draft is then
// clean as agents lint it (all default packs and the learned reader): no finding of the rule, and nothing flagged in
// the text the fixes wrote. Words of the agent's the fix kept may still be flagged on their own ("改地址？").
describe.each(packs.map((p) => [p.id, p] as const))('pack %s one-click fixes', (_id, pack) => {
  const lint = createLinter(pack.rules ?? []);
  const engine = createEngine(DEFAULT_PACKS);
  const cases = (pack.rules ?? []).flatMap((rule) =>
    (rule.examples?.match ?? []).map((text) => ({ rule, text, expected: rule.examples?.fixed?.[text] })),
  );

  function applyFixes(rule: Rule, text: string): { draft: string; written: Array<[number, number]> } {
    let draft = text;
    const written: Array<[number, number]> = [];
    for (let round = 0; round < 4; round++) {
      const finding = lint(draft).find((f) => f.category === rule.category && f.fix !== undefined);
      if (!finding?.fix) break;
      const { start, end, text: replacement } = finding.fix;
      draft = draft.slice(0, start) + replacement + draft.slice(end);
      written.push([start, start + replacement.length]);
    }
    return { draft, written };
  }

  it("names each fixed draft after one of the rule's match drafts", () => {
    for (const rule of pack.rules ?? [])
      for (const text of Object.keys(rule.examples?.fixed ?? {}))
        expect(rule.examples?.match ?? [], rule.id).toContain(text);
  });

  it.each(cases.map((c) => [c.rule.id, c.text, c] as const))('%s fixes %s as its examples say', (_rule, text, c) => {
    const { draft, written } = applyFixes(c.rule, text);
    // A rule without a fix (an unfilled field, a connector) leaves the draft as it was and names no fixed draft.
    expect(draft === text ? undefined : draft, `${c.rule.id}: ${text}`).toBe(c.expected);
    if (draft === text) return;
    const left = engine
      .lint(draft)
      .filter((f) => f.ruleId === c.rule.id || written.some(([s, e]) => f.start < e && s < f.end));
    expect(
      left.map((f) => `${f.ruleId}: ${f.match}`),
      draft,
    ).toEqual([]);
  });
});
