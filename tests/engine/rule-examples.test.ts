// Every rule's own examples: each `match` draft yields a finding of that rule, each `noMatch` draft none (each shipped pack on its own).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createLinter } from '../../engine/lint.ts';
import { mergePacks } from '../../engine/pack-merge.ts';
import type { Pack } from '../../engine/types.ts';

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

// The panel's fix replaces exactly the finding's span with the suggestion: the fixed draft must not trip the same rule.
describe.each(packs.map((p) => [p.id, p] as const))('pack %s one-click fixes', (_id, pack) => {
  const lint = createLinter(pack.rules ?? []);
  const cases = (pack.rules ?? []).flatMap((rule) =>
    (rule.examples?.match ?? []).map((text) => ({ rule: rule.id, text })),
  );

  it.each(cases.map((c) => [c.rule, c.text] as const))('%s fixed in %s', (rule, text) => {
    let draft = text;
    // Apply from the end so earlier offsets stay valid.
    for (const f of lint(text)
      .filter((x) => x.ruleId === rule && x.fix !== undefined)
      .reverse()) {
      draft = draft.slice(0, f.fix!.start) + f.fix!.text + draft.slice(f.fix!.end);
    }
    if (draft === text) return; // sensitive_echo rules have no one-click fix: the agent masks the value
    expect(
      lint(draft).map((f) => f.ruleId),
      draft,
    ).not.toContain(rule);
  });
});
