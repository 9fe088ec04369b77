// The command's texts: every code in every language with the same parameters, and the language read from the environment.
import { describe, expect, it } from 'vitest';
import { CLI_CATALOGS, cliLocale, cliText, describeCli, type CliLocale, type CliTextCode } from '../../cli/messages.ts';

const LOCALES: readonly CliLocale[] = ['en', 'zh-CN', 'zh-TW'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();

describe('huashu texts', () => {
  it('has every code in every language, with the same parameters, the Chinese ones in Chinese', () => {
    const codes = Object.keys(CLI_CATALOGS.en) as CliTextCode[];
    // A place, and a place before a reason that is itself phrased in the language.
    const sameEverywhere = new Set(['fileLine', 'badCase']);
    for (const locale of LOCALES) {
      expect(Object.keys(CLI_CATALOGS[locale]).sort(), locale).toEqual([...codes].sort());
      for (const code of codes) {
        const text = CLI_CATALOGS[locale][code];
        expect(placeholders(text), `${locale} ${code}`).toEqual(placeholders(CLI_CATALOGS.en[code]));
        if (locale !== 'en' && !sameEverywhere.has(code)) expect(text, `${locale} ${code}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('phrases nested texts in the same language', () => {
    const folder = cliText('unreadable', { file: 'x', reason: cliText('readFolder', { file: cliText('filePack') }) });
    expect(describeCli(folder, 'en')).toBe('huashu: cannot read x: it is a folder: name the pack file inside it');
    expect(describeCli(folder, 'zh-CN')).toBe('huashu：无法读取 x：这是一个文件夹：请指定其中的话术包文件');
  });
});

describe('cliLocale', () => {
  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_TW.UTF-8' }, 'zh-TW'],
    [{ LANG: 'zh_HK.Big5-HKSCS' }, 'zh-TW'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C' }, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'en'],
    [{}, 'en'],
    [{ LC_ALL: 'zh_TW.UTF-8', LC_MESSAGES: 'C', LANG: 'zh_CN.UTF-8' }, 'zh-TW'],
    [{ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'C' }, 'zh-CN'],
    [{ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'en'],
  ])('reads %o as %s', (env, locale) => {
    expect(cliLocale(env)).toBe(locale);
  });
});
