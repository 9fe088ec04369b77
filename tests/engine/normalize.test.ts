// Normalization: variants fold together and every normalized unit points back at the original text.
import { describe, expect, it } from 'vitest';
import { normalizeText, originalSpan, toSimplified, hanRuns } from '../../engine/normalize.ts';

function spanOf(original: string, needle: string): string {
  const n = normalizeText(original);
  const at = n.text.indexOf(needle);
  expect(at, `"${needle}" in "${n.text}"`).toBeGreaterThanOrEqual(0);
  const { start, end } = originalSpan(n, at, at + needle.length);
  return original.slice(start, end);
}

describe('normalizeText', () => {
  it.each([
    ['這不是我應該做的', '这不是我应该做的'],
    ['ＩＭＰＯＳＳＩＢＬＥ', 'impossible'],
    ['１００％', '100%'],
    ['我 不 能', '我不能'],
    ['不-归-我-管', '不归我管'],
    ['你　觉　得', '你觉得'],
    ['I  CAN’T do', "i can't do"],
    ['a\u200Bb', 'ab'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('keeps sentence punctuation between Chinese words', () => {
    expect(normalizeText('但是,我').text).toBe('但是,我');
  });

  it('maps spans back to the original text, across dropped spaces', () => {
    expect(spanOf('抱歉,我 不 能 直接', '我不能')).toBe('我 不 能');
    expect(spanOf('That is ＩＭＰＯＳＳＩＢＬＥ!', 'impossible')).toBe('ＩＭＰＯＳＳＩＢＬＥ');
  });

  it('keeps offsets right after surrogate pairs and emoji', () => {
    expect(spanOf('👍🏻😀 我不能', '我不能')).toBe('我不能');
    expect(spanOf('𠮷我 不能', '我不能')).toBe('我 不能');
  });

  it('gives one start and end per normalized unit, all within the original', () => {
    const original = 'ｆｕｌｌ　ｗｉｄｔｈ 中 文 ﬁ 😀';
    const n = normalizeText(original);
    expect(n.starts.length).toBe(n.text.length);
    expect(n.ends.length).toBe(n.text.length);
    for (let i = 0; i < n.text.length; i++) {
      expect(n.starts[i]).toBeGreaterThanOrEqual(0);
      expect(n.ends[i]).toBeLessThanOrEqual(original.length);
      expect(n.starts[i]).toBeLessThan(n.ends[i]!);
    }
  });

  it('handles the empty string', () => {
    const n = normalizeText('');
    expect(n.text).toBe('');
    expect(originalSpan(n, 0, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('toSimplified', () => {
  it('converts traditional characters one to one', () => {
    expect(toSimplified('帳號被盜用了')).toBe('账号被盗用了');
    expect(toSimplified('帐号')).toBe('账号');
    expect(toSimplified('abc')).toBe('abc');
  });
});

describe('hanRuns', () => {
  it('splits a text into its runs of Han characters, in order', () => {
    expect(hanRuns('亲,这个order我check一下!好的')).toEqual(['亲', '这个', '我', '一下', '好的']);
    expect(hanRuns('no Han here 123')).toEqual([]);
    expect(hanRuns('𠀀字')).toEqual(['𠀀字']);
  });
});
