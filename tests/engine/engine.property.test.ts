// Properties of the whole engine on arbitrary Unicode: it never throws, every span lies inside the original text
// without splitting a surrogate pair, the text at a span is what the finding says, and the same input gives the same output.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createEngine, MAX_INPUT_LINE_CHARS } from '../../engine/index.ts';
import { createLinter } from '../../engine/lint.ts';
import { findSensitive, maskSensitive } from '../../engine/sensitive.ts';

const engine = createEngine(DEFAULT_PACKS);
const seed = 20261123;

/** Pieces agents and customers really paste, plus the hostile ones: lone surrogates, bidi controls, NUL, ZWJ emoji. */
const piece = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '\uD83D',
    '\uDE00',
    '😀',
    '👩‍👩‍👧',
    'é',
    '\u202E',
    '\u2066',
    '\u200F',
    'مرحبا',
    '\0',
    '\u0007',
    '我不能退款',
    '亲',
    'REFUND',
    '13800138000',
    ' ',
  ),
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
/** An offset splits a pair when a high surrogate sits just before it and a low one at it. */
const splitsPair = (s: string, i: number): boolean =>
  i > 0 && i < s.length && isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i));

function checkSpan(s: string, start: number, end: number): void {
  expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeLessThanOrEqual(s.length);
  expect(start).toBeLessThan(end);
  expect(splitsPair(s, start) || splitsPair(s, end)).toBe(false);
}

describe('engine on arbitrary Unicode', () => {
  it('lint: spans inside the draft, match is the text at the span, deterministic', () => {
    fc.assert(
      fc.property(text, (draft) => {
        const findings = engine.lint(draft);
        for (const f of findings) {
          checkSpan(draft, f.start, f.end);
          expect(draft.slice(f.start, f.end)).toBe(f.match);
        }
        expect(engine.lint(draft)).toEqual(findings);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('detect and sensitive spans: inside the message, masking keeps the text outside the spans', () => {
    fc.assert(
      fc.property(text, (message) => {
        const detection = engine.detect(message);
        expect(engine.detect(message)).toEqual(detection);
        const spans = findSensitive(message);
        for (const s of spans) checkSpan(message, s.start, s.end);
        const masked = maskSensitive(message, spans);
        if (spans.length === 0) expect(masked).toBe(message);
        else {
          expect(masked.startsWith(message.slice(0, spans[0]!.start))).toBe(true);
          expect(masked.endsWith(message.slice(spans.at(-1)!.end))).toBe(true);
        }
      }),
      { seed, numRuns: 200 },
    );
  });

  it('metamorphic: a forbidden phrase put anywhere is found at its own span', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        // A separator on each side so a generated letter or mark cannot join the phrase into a longer word.
        const draft = `${before}\n我不能退款\n${after}`;
        const at = before.length + 1;
        const hit = engine.lint(draft).find((f) => f.start <= at && f.end >= at + 3);
        expect(hit).toBeDefined();
        expect(draft.slice(hit!.start, hit!.end)).toBe(hit!.match);
      }),
      { seed, numRuns: 150 },
    );
  });

  it('handles a 100 000-character hostile input without throwing', () => {
    const big = '😀\uD83D\u202E我不能退款a\u0301\0'.repeat(10_000).slice(0, 100_000);
    // The linter itself reads all of it; the engine reads a draft's first MAX_INPUT_LINE_CHARS characters.
    const findings = createLinter(engine.merged.rules, engine.merged.classes)(big);
    // Every 我不能 of the input, found by plain search: the spans must be exactly these, not merely inside the text.
    const phraseStarts: number[] = [];
    for (let at = big.indexOf('我不能'); at !== -1; at = big.indexOf('我不能', at + 1)) phraseStarts.push(at);
    expect(phraseStarts.length).toBeGreaterThan(8_000);
    expect(findings.map((f) => f.start)).toEqual(phraseStarts);
    for (const f of findings) expect(big.slice(f.start, f.end)).toBe(f.match);
    expect(engine.lint(big).map((f) => f.start)).toEqual(phraseStarts.filter((at) => at + 3 <= MAX_INPUT_LINE_CHARS));
    expect(() => engine.detect(big)).not.toThrow();
  });
});
