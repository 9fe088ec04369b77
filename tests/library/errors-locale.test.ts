// Library and subscription messages in the language the caller passes (zh-CN, zh-TW, en), keeping their places and values.
import { describe, expect, it } from 'vitest';
import {
  describeLibraryError,
  LIBRARY_CATALOGS,
  libraryError,
  type LibraryErrorCode,
  type LibraryLocale,
} from '../../library/errors.ts';
import { checkSubscriptionUrl } from '../../library/subscriptions.ts';

const LOCALES: readonly LibraryLocale[] = ['en', 'zh-CN', 'zh-TW'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();

describe('describeLibraryError', () => {
  it('speaks simplified Chinese, with the id, the amounts and the place kept', () => {
    expect(describeLibraryError(libraryError('builtinRemove', { id: 'zh-CN' }), 'zh-CN')).toBe(
      '"zh-CN" 是内置话术包：不能删除，只能关闭',
    );
    expect(
      describeLibraryError(libraryError('quota', { needed: { bytes: 20_000 }, room: { bytes: 1_000 } }), 'zh-CN'),
    ).toContain('20 KB');
    expect(describeLibraryError(libraryError('backupPack', { index: 2, detail: 'x' }), 'zh-CN')).toBe(
      'installedPacks[2].pack：x',
    );
    expect(describeLibraryError(libraryError('status', { status: '404 Not Found' }), 'zh-CN')).toBe(
      '服务器返回 404 Not Found：请检查地址（必须直接指向话术包文件）',
    );
    const refused = checkSubscriptionUrl('http://example.com/pack.json');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(describeLibraryError(refused.error, 'zh-CN')).toMatch(/不是 HTTPS/u);
  });

  it('speaks traditional Chinese, and English, each in the call that asks for it', () => {
    const locked = libraryError('policyLocked', { id: 'team' });
    expect(describeLibraryError(locked, 'zh-TW')).toBe('"team" 由管理員設定：這裡不能關閉或刪除');
    expect(describeLibraryError(libraryError('html'), 'zh-TW')).toMatch(/^這個網址回傳的是網頁/u);
    expect(
      describeLibraryError(libraryError('quota', { needed: { bytes: 500 }, room: { bytes: 100 } }), 'zh-TW'),
    ).toContain('位元組');
    expect(describeLibraryError(locked, 'en')).toBe(
      '"team" is set by your administrator: it cannot be switched off or removed here',
    );
    expect(describeLibraryError(libraryError('html'), 'en')).toMatch(/^the address returned a web page/u);
  });

  it('has every message in every language, with the same parameters, none left in English', () => {
    const codes = Object.keys(LIBRARY_CATALOGS.en.texts) as LibraryErrorCode[];
    // These only put a place before a message that is itself phrased in the language.
    const wrappers = new Set(['backupPack', 'backupUrl', 'policyPackDownload', 'policyPackProblem']);
    for (const locale of LOCALES) {
      const texts = LIBRARY_CATALOGS[locale].texts;
      expect(Object.keys(texts).sort(), locale).toEqual([...codes].sort());
      for (const code of codes) {
        expect(texts[code], `${locale} ${code}`).not.toBe('');
        expect(placeholders(texts[code]), `${locale} ${code}`).toEqual(placeholders(LIBRARY_CATALOGS.en.texts[code]));
        if (locale !== 'en' && !wrappers.has(code)) expect(texts[code], `${locale} ${code}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('phrases what a policy got wrong in the language asked for, keeping its place in the policy JSON', () => {
    expect(
      describeLibraryError(
        libraryError('policyUnknownSetting', { key: 'colour', known: 'agentName, company' }),
        'zh-TW',
      ),
    ).toBe('policy settings.colour：沒有這項設定；可用的設定有 agentName, company');
    expect(describeLibraryError(libraryError('policySettingBoolean', { key: 'expansionEnabled' }), 'zh-TW')).toBe(
      'policy settings.expansionEnabled：應為布林值（true 或 false）',
    );
    expect(describeLibraryError(libraryError('policyPacksNotList'), 'zh-CN')).toBe('policy packs：应为一个列表');
    expect(describeLibraryError(libraryError('policySettingString', { key: 'company' }), 'en')).toBe(
      'policy settings.company: expected a string',
    );
  });

  it('phrases what is nested in a message (a reason, an expectation) in the same language', () => {
    const reason = libraryError('timeout', { seconds: 15 });
    const download = libraryError('policyPackDownload', {
      place: 'policy packs[0]',
      url: 'https://a.example/p.json',
      reason,
    });
    expect(describeLibraryError(download, 'zh-CN')).toBe(
      'policy packs[0]（https://a.example/p.json）：服务器 15 秒内没有响应：请检查地址或稍后再试',
    );
    const shape = libraryError('backupShape', { field: 'settings', expected: libraryError('expectObject') });
    expect(describeLibraryError(shape, 'en')).toBe(
      'settings: expected an object; pick a file made by "Export everything" and do not edit it by hand',
    );
    expect(describeLibraryError(shape, 'zh-TW')).toBe(
      'settings：應為一個物件；請選擇用「匯出全部」產生的檔案，不要手動修改',
    );
  });
});
