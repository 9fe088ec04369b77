// UI language choice (setting over browser) and the completeness of the zh-CN, zh-TW and en string files.
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { en } from '../../locales/en.ts';
import { zhCN } from '../../locales/zh-CN.ts';
import { zhTW } from '../../locales/zh-TW.ts';
import { createTranslator, localeOfLanguageTag, resolveUiLocale } from '../../utils/i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();

describe('UI language', () => {
  it('maps browser language tags to the three UI locales', () => {
    expect(localeOfLanguageTag('zh-CN')).toBe('zh-CN');
    expect(localeOfLanguageTag('zh')).toBe('zh-CN');
    expect(localeOfLanguageTag('zh-SG')).toBe('zh-CN');
    expect(localeOfLanguageTag('zh_TW')).toBe('zh-TW');
    expect(localeOfLanguageTag('zh-HK')).toBe('zh-TW');
    expect(localeOfLanguageTag('zh-Hant')).toBe('zh-TW');
    expect(localeOfLanguageTag('zh-Hans-HK')).toBe('zh-CN');
    expect(localeOfLanguageTag('en-GB')).toBe('en');
    expect(localeOfLanguageTag('fr')).toBe('en');
  });

  it('lets the setting override the browser, except "auto"', () => {
    expect(resolveUiLocale('zh-TW', 'en-US')).toBe('zh-TW');
    expect(resolveUiLocale('auto', 'zh-TW')).toBe('zh-TW');
    expect(resolveUiLocale(undefined, 'zh-CN')).toBe('zh-CN');
    expect(resolveUiLocale('klingon', 'en')).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('zh-CN');
    expect(t('usedTimes', { count: 12 })).toBe('用过 12 次');
    expect(createTranslator('en')('usedTimes', { count: 3 })).toBe('used 3×');
    expect(createTranslator('en')('usedTimes')).toBe('used {count}×');
  });
});

describe('locale files', () => {
  const catalogs = { 'zh-CN': zhCN, 'zh-TW': zhTW };
  for (const [name, catalog] of Object.entries(catalogs)) {
    it(`${name} translates every English key with the same placeholders`, () => {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const translated = catalog[key as keyof typeof en];
        expect(translated.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(english));
      }
    });
  }

  it('zh-TW is written in traditional characters and zh-CN in simplified ones', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    // Taiwan writes 台 in everyday text where OpenCC's standard form is 臺.
    for (const [key, value] of Object.entries(zhTW))
      expect(toTraditional(value).replace(/臺/gu, '台'), key).toBe(value);
    for (const [key, value] of Object.entries(zhCN)) expect(toSimplified(value), key).toBe(value);
  });

  it('zh-CN and zh-TW write full-width punctuation in Chinese text, ASCII only in syntax the agent types', () => {
    // [[天数:3]] is the field syntax an agent writes: its colon stays ASCII.
    const halfWidth = /\p{Script=Han}[,:;!?()]|[,:;!?()]\p{Script=Han}/u;
    for (const catalog of [zhCN, zhTW])
      for (const [key, value] of Object.entries(catalog))
        expect(halfWidth.test(value.replace(/\[\[[^\]]*\]\]/gu, '')), `${key}: ${value}`).toBe(false);
  });
});
