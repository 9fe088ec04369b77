// The multi-pattern automaton against the obvious search: every occurrence of every pattern, and nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasickMatcher } from '../../engine/aho-corasick.ts';

/** Every (pattern, start, end) by indexOf, overlapping occurrences included. */
function naiveHits(patterns: readonly string[], text: string): string[] {
  const hits: string[] = [];
  patterns.forEach((pattern, index) => {
    if (pattern === '') return;
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1))
      hits.push(`${index}:${at}:${at + pattern.length}`);
  });
  return hits.sort();
}

const automatonHits = (patterns: readonly string[], text: string): string[] =>
  new AhoCorasickMatcher(patterns)
    .search(text)
    .map((h) => `${h.pattern}:${h.start}:${h.end}`)
    .sort();

describe('AhoCorasickMatcher', () => {
  it('finds what indexOf finds, on a small alphabet where patterns overlap and nest', () => {
    const word = fc
      .array(fc.constantFrom('a', 'b', '我', '不', '能', '😀'), { minLength: 0, maxLength: 5 })
      .map((w) => w.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 12 }),
        word.chain(() => fc.array(word, { maxLength: 10 }).map((w) => w.join(''))),
        (patterns, text) => {
          expect(automatonHits(patterns, text)).toEqual(naiveHits(patterns, text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reports every copy of a repeated pattern and patterns that end inside others', () => {
    expect(automatonHits(['不能', '我不能', '不能', '能'], '我不能')).toEqual(['0:1:3', '1:0:3', '2:1:3', '3:2:3']);
  });

  it('handles states with many edges (binary search) and code units above the BMP', () => {
    const patterns = Array.from({ length: 40 }, (_, i) => 'x' + String.fromCharCode(0x4e00 + i));
    patterns.push('𠀀y');
    const text = patterns.join('|');
    expect(automatonHits(patterns, text)).toEqual(naiveHits(patterns, text));
  });

  it('finds nothing with no patterns or an empty text', () => {
    expect(new AhoCorasickMatcher([]).search('abc')).toEqual([]);
    expect(new AhoCorasickMatcher(['a']).search('')).toEqual([]);
  });
});
