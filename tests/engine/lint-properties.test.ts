// Properties of the linter over generated drafts: spans always point at the original text, and the variants agents
// actually type (upper case, full width, spaces or zero-width characters inside a phrase, emoji before it) change nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createLinter } from '../../engine/lint.ts';
import { isHan } from '../../engine/normalize.ts';
import { mergePacks } from '../../engine/pack-merge.ts';

const rules = mergePacks(DEFAULT_PACKS).rules;
const lint = createLinter(rules);

const examples = rules.flatMap((rule) => (rule.examples?.match ?? []).map((text) => ({ rule: rule.id, text })));
// A field to fill ([[天数]]) is markup that insertion writes, not a phrase an agent types: its spelling does not vary.
const fieldRules = new Set(rules.filter((r) => r.category === 'unfilled_field').map((r) => r.id));
const typedExamples = examples.filter((e) => !fieldRules.has(e.rule));
const latinExamples = typedExamples.filter((e) => !/\p{Script=Han}/u.test(e.text));
const hanExamples = typedExamples.filter((e) => /\p{Script=Han}/u.test(e.text));

const ruleIds = (draft: string): string[] => lint(draft).map((f) => f.ruleId);
// A phrase or value two packs watch (100%, a card number) is reported once, by one of their rules of the same category.
const categoryOf = new Map(rules.map((r) => [r.id, r.category]));
const categories = (draft: string): string[] => lint(draft).map((f) => f.category);

/** ASCII letters, digits and punctuation to their full-width forms, as Chinese input methods type them. */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** A space between every two Han characters: "我 不 能". */
function spacedHan(text: string): string {
  const chars = [...text];
  return chars.map((c, i) => (i > 0 && isHan(chars[i - 1]!) && isHan(c) ? ' ' + c : c)).join('');
}

// Pieces of drafts: forbidden phrases, false friends, quotes, emoji and astral characters, digits, filler.
const PIECES = [
  '我不能',
  '不 能',
  '但是',
  '保证金',
  '保证',
  '不对称',
  '“',
  '”',
  '「',
  '」',
  '"',
  "I can't",
  'CAN’T',
  'not my job',
  '😀',
  '👍🏻',
  '𠀀',
  '\u200b',
  ' ',
  '　',
  '，',
  '。',
  'ＩＭＰＯＳＳＩＢＬＥ',
  '6222 0212 3456 7894',
  '110101199003078515',
  '您好',
  '這不是我應該做的',
  'guaranteed',
  '100%',
  'x',
  '-',
  '\n',
];

describe('lint properties', () => {
  it('reports spans of the original draft, in order, whatever the draft', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => {
        const draft = parts.join('');
        const findings = lint(draft);
        for (const [i, f] of findings.entries()) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(draft.length);
          expect(f.match).toBe(draft.slice(f.start, f.end));
          if (i > 0) expect(f.start).toBeGreaterThanOrEqual(findings[i - 1]!.start);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shifts every finding by the length of emoji and astral characters typed before it', () => {
    const prefix = fc
      .array(fc.constantFrom('😀', '👍🏻', '𠀀', '。', ' ', '\u200b'), { minLength: 1, maxLength: 6 })
      .map((p) => p.join('') + ' ');
    fc.assert(
      fc.property(fc.constantFrom(...examples), prefix, (example, before) => {
        const plain = lint(example.text).filter((f) => f.ruleId === example.rule);
        const shifted = lint(before + example.text).filter((f) => f.ruleId === example.rule);
        expect(shifted.map((f) => [f.start - before.length, f.end - before.length, f.match])).toEqual(
          plain.map((f) => [f.start, f.end, f.match]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it.each(latinExamples.map((e) => [e.rule, e.text] as const))(
    '%s still matches upper-cased and full-width: %s',
    (rule, text) => {
      expect(categories(text.toUpperCase())).toContain(categoryOf.get(rule));
      expect(categories(fullWidth(text))).toContain(categoryOf.get(rule));
    },
  );

  it.each(hanExamples.map((e) => [e.rule, e.text] as const))(
    '%s still matches spaced and full-width: %s',
    (rule, text) => {
      expect(ruleIds(spacedHan(text))).toContain(rule);
      expect(ruleIds(fullWidth(text))).toContain(rule);
    },
  );

  // Sensitive values are digit runs read on the draft itself: a zero-width character inside a card number is not typed.
  const phraseExamples = hanExamples.filter((e) => categoryOf.get(e.rule) !== 'sensitive_echo');
  it.each(phraseExamples.map((e) => [e.rule, e.text] as const))(
    '%s still matches with zero-width characters inside: %s',
    (rule, text) => {
      expect(ruleIds([...text].join('\u200b'))).toContain(rule);
    },
  );
});
