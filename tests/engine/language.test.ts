// The customer's language decides which replies come first.
import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../engine/language.ts';

describe('guessLanguage', () => {
  it.each([
    ['我要退款', 'zh-CN'],
    ['請問我的包裹到哪裡了?', 'zh-TW'],
    ['hello 有人在吗?', 'zh-CN'],
    ['where is my package??', 'en'],
    ['DD202406118823', 'en'],
    ['4520918837', undefined],
    ['👍', undefined],
  ])('%s → %s', (text, expected) => {
    expect(guessLanguage(text)).toBe(expected);
  });
});
