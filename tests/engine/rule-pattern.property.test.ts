// Properties of the pattern language: every span lies inside the draft and equals its match, and a gap-free pattern
// finds exactly what its literal expansion finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter, type LintRule } from '../../engine/lint.ts';
import { parsePattern } from '../../engine/rule-pattern.ts';

// A small alphabet so that random drafts contain random patterns often; three-character pieces and more, so that the
// segmenter rule for two-character words stays out of the comparison.
const CHARS = ['退', '款', '我', '们', '不', '能', '帮', '您', '办', '理'];
const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((a) => a.join(''));
const rule = (patterns: string[], literal = false): LintRule => ({
  id: 'r',
  category: 'refusal',
  severity: 'warning',
  patterns,
  message: 'm',
  literal,
});
const classes = { who: ['我', '我们'], verb: ['帮您', '办理'] };

/** A gap-free pattern of literal text, alternatives, optional parts and classes, at least three characters long. */
const gapFreePattern = fc
  .tuple(text(3, 4), fc.constantFrom('', '(不|能)', '(们)?', '<who>', '<verb>'), text(0, 2))
  .map(([head, middle, tail]) => head + middle + tail);

describe('the pattern language', () => {
  it('reports spans inside the draft, each equal to its match', () => {
    fc.assert(
      fc.property(
        text(0, 60),
        fc.array(
          fc.oneof(
            gapFreePattern,
            fc.tuple(text(1, 3), text(1, 3)).map(([a, b]) => `${a}…${b}`),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (draft, patterns) => {
          for (const f of createLinter([rule(patterns)], classes)(draft)) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeLessThanOrEqual(draft.length);
            expect(f.start).toBeLessThan(f.end);
            expect(draft.slice(f.start, f.end)).toBe(f.match);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a gap-free pattern exactly where its literal expansion is found', () => {
    fc.assert(
      fc.property(text(0, 40), gapFreePattern, (draft, pattern) => {
        const parsed = parsePattern(pattern, classes);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        // Every phrasing written out: the pieces of a variant joined, in every combination of their alternatives.
        const literals = parsed.variants.flatMap((v) =>
          v.pieces.reduce<string[]>((acc, piece) => acc.flatMap((a) => piece.map((p) => a + p)), ['']),
        );
        const byPattern = createLinter([rule([pattern])], classes)(draft).length > 0;
        const byLiterals = createLinter([rule(literals, true)])(draft).length > 0;
        expect(byPattern).toBe(byLiterals);
        expect(byLiterals).toBe(literals.some((l) => draft.includes(l)));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a gap within its bounds and within one clause', () => {
    fc.assert(
      fc.property(text(1, 3), text(0, 12), text(1, 3), fc.boolean(), (a, middle, b, broken) => {
        const gap = broken ? `${middle.slice(0, 3)}，${middle.slice(3)}` : middle;
        const draft = `${a}${gap}${b}`;
        const found = createLinter([rule([`${a}{0,6}${b}`])], classes)(draft).length > 0;
        if (!broken && middle.length <= 6) expect(found).toBe(true);
        // Found across a comma or a wider gap only where the pieces also occur closer together in the same clause.
        if (found && (broken || middle.length > 6)) {
          const clauses = draft.split('，');
          expect(clauses.some((c) => new RegExp(`${a}.{0,6}${b}`, 'u').test(c))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what it cannot read, with the place', () => {
    expect(parsePattern('我(不|能')).toMatchObject({ ok: false, error: { code: 'patternUnclosedGroup', offset: 1 } });
    expect(parsePattern('我{0,99}能')).toMatchObject({ ok: false, error: { code: 'patternGapTooWide' } });
    expect(parsePattern('…我能')).toMatchObject({ ok: false, error: { code: 'patternGapAtEdge' } });
    expect(parsePattern('<nobody>能')).toMatchObject({ ok: false, error: { code: 'patternUnknownClass' } });
    expect(parsePattern('我|能')).toMatchObject({ ok: false, error: { code: 'patternUnopenedGroup', offset: 1 } });
  });
});
