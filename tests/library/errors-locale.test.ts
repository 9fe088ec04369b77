// Library and subscription messages follow the interface language (zh-CN, zh-TW, en), keeping their places and values.
import { afterEach, describe, expect, it } from 'vitest';
import { LIBRARY_ERRORS, setLibraryLocale } from '../../library/errors.ts';
import { checkSubscriptionUrl, SUBSCRIPTION_ERRORS } from '../../library/subscriptions.ts';

afterEach(() => setLibraryLocale('en'));

describe('setLibraryLocale', () => {
  it('speaks simplified Chinese, with the id, the amounts and the place kept', () => {
    setLibraryLocale('zh-CN');
    expect(LIBRARY_ERRORS.builtinRemove('zh-CN')).toBe('"zh-CN" 是内置话术包：不能删除，只能关闭');
    expect(LIBRARY_ERRORS.quota(20_000, 1_000)).toContain('20 KB');
    expect(LIBRARY_ERRORS.backupPack(2, 'x')).toBe('installedPacks[2].pack：x');
    expect(SUBSCRIPTION_ERRORS.status(404, 'Not Found')).toBe(
      '服务器返回 404 Not Found：请检查地址（必须直接指向话术包文件）',
    );
    const refused = checkSubscriptionUrl('http://example.com/pack.json');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/不是 HTTPS/u);
  });

  it('speaks traditional Chinese, and English again when switched back', () => {
    setLibraryLocale('zh-TW');
    expect(LIBRARY_ERRORS.policyLocked('team')).toBe('"team" 由管理員設定：這裡不能關閉或刪除');
    expect(SUBSCRIPTION_ERRORS.html).toMatch(/^這個網址回傳的是網頁/u);
    expect(LIBRARY_ERRORS.quota(500, 100)).toContain('位元組');
    setLibraryLocale('en');
    expect(LIBRARY_ERRORS.policyLocked('team')).toBe(
      '"team" is set by your administrator: it cannot be switched off or removed here',
    );
    expect(SUBSCRIPTION_ERRORS.html).toMatch(/^the address returned a web page/u);
  });

  it('has every message in every language, none left in English', () => {
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      setLibraryLocale(locale);
      // backupPack and policyPackDownload only prefix a place to a message that is itself translated.
      const wrappers = new Set(['backupPack', 'policyPackDownload']);
      for (const [name, message] of Object.entries({ ...LIBRARY_ERRORS, ...SUBSCRIPTION_ERRORS }).filter(
        ([key]) => !wrappers.has(key),
      )) {
        const text = typeof message === 'function' ? (message as (...args: unknown[]) => string)('x', 'y') : message;
        expect(text, `${locale} ${name}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('phrases what a policy got wrong in the interface language, keeping its place in the policy JSON', () => {
    setLibraryLocale('zh-TW');
    expect(LIBRARY_ERRORS.policyUnknownSetting('colour', 'agentName, company')).toBe(
      'policy settings.colour：沒有這項設定；可用的設定有 agentName, company',
    );
    expect(LIBRARY_ERRORS.policySettingType('expansionEnabled', 'boolean')).toBe(
      'policy settings.expansionEnabled：應為布林值（true 或 false）',
    );
    setLibraryLocale('zh-CN');
    expect(LIBRARY_ERRORS.policyPacksNotList).toBe('policy packs：应为一个列表');
    setLibraryLocale('en');
    expect(LIBRARY_ERRORS.policySettingType('company', 'string')).toBe('policy settings.company: expected a string');
  });
});
