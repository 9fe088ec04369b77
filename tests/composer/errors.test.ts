// The composer's texts: every code in every language with the same parameters, phrased in the language asked for.
import { describe, expect, it } from 'vitest';
import {
  COMPOSER_CATALOGS,
  composerError,
  describeComposerError,
  type ComposerErrorCode,
  type ComposerLocale,
} from '../../composer/errors.ts';

const LOCALES: readonly ComposerLocale[] = ['en', 'zh-CN', 'zh-TW'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();

describe('composer texts', () => {
  it('has every code in every language, with the same parameters, the Chinese ones in Chinese', () => {
    const codes = Object.keys(COMPOSER_CATALOGS.en) as ComposerErrorCode[];
    for (const locale of LOCALES) {
      expect(Object.keys(COMPOSER_CATALOGS[locale]).sort(), locale).toEqual([...codes].sort());
      for (const code of codes) {
        const text = COMPOSER_CATALOGS[locale][code];
        expect(placeholders(text), `${locale} ${code}`).toEqual(placeholders(COMPOSER_CATALOGS.en[code]));
        if (locale !== 'en') expect(text, `${locale} ${code}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('fills the parameters in the language the caller passes', () => {
    const outside = composerError('rangeOutOfDraft', { start: 0, end: 5, length: 1 });
    expect(describeComposerError(outside, 'en')).toBe(
      'The span 0–5 is outside the draft (1 characters): the draft changed since it was checked. Check it again.',
    );
    expect(describeComposerError(outside, 'zh-CN')).toBe(
      '第 0–5 个字符不在草稿里（草稿共 1 个字符）：检查之后草稿又改过了。请重新检查。',
    );
    expect(describeComposerError(composerError('bridgeTimeout', { ms: 2000 }), 'zh-TW')).toBe(
      '頁面助手在 2000 毫秒內沒有回應。',
    );
  });
});
