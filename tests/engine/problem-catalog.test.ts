// Every pack problem code has its phrasing in en, zh-CN and zh-TW, naming the same parameters, in the right script.
import { describe, expect, it } from 'vitest';
import { englishProblem, PACK_PROBLEMS_EN, type PackProblemCode } from '../../engine/errors.ts';
import { PACK_PROBLEM_CATALOGS, problemMessage } from '../../engine/problem-locale.ts';

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).sort();
const codes = Object.keys(PACK_PROBLEMS_EN) as PackProblemCode[];

// Characters only simplified Chinese writes (their traditional forms differ), and the reverse.
const SIMPLIFIED_ONLY = /[话个这为设错误语请检删项类键变规则阶场没结对齐还应该实际种换据数导义复现组档标写余认识单从]/u;
const TRADITIONAL_ONLY =
  /[話個這為設錯誤語請檢刪項類鍵變規則階場沒結對齊還應該實際種換據數導義複現組檔標寫餘認識單從]/u;

describe('pack problem catalogs', () => {
  it('has a phrasing of every code in every language, with the same placeholders as the English one', () => {
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      const { phrasings } = PACK_PROBLEM_CATALOGS[locale];
      expect(Object.keys(phrasings).sort(), locale).toEqual([...codes].sort());
      for (const code of codes) {
        expect(placeholders(phrasings[code]), `${locale} ${code}`).toEqual(placeholders(PACK_PROBLEMS_EN[code]));
      }
    }
  });

  it('writes zh-CN in simplified and zh-TW in traditional characters, never English words', () => {
    for (const code of codes) {
      const cn = PACK_PROBLEM_CATALOGS['zh-CN'].phrasings[code];
      const tw = PACK_PROBLEM_CATALOGS['zh-TW'].phrasings[code];
      for (const [locale, text] of [
        ['zh-CN', cn],
        ['zh-TW', tw],
      ] as const) {
        expect(text, `${locale} ${code}`).toMatch(/\p{Script=Han}/u);
        // Field names and values are data and stay; English prose (two plain words in a row outside quotes) does not.
        const prose = text.replace(/"[^"]*"|\{\w+\}|docs\/packs\.md|\.\w+/gu, '');
        expect(prose, `${locale} ${code}`).not.toMatch(/\b(?!JSON|YAML|CSV|UTF)[a-z]{3,}\s+[a-z]{3,}\b/u);
      }
      expect(cn, `zh-CN ${code}`).not.toMatch(TRADITIONAL_ONLY);
      expect(tw, `zh-TW ${code}`).not.toMatch(SIMPLIFIED_ONLY);
    }
  });

  it('keeps the English wording word for word', () => {
    expect(englishProblem('duplicateId', { kind: 'reply', id: 'r1', first: 'scenarios[0].replies[0].id' })).toBe(
      'duplicate reply id "r1" (first at scenarios[0].replies[0].id): ids must be unique',
    );
    expect(englishProblem('unknownVariable', { name: 'foo', known: '{customer}, {agentName}' })).toBe(
      'unknown variable {foo}: use one of {customer}, {agentName} or declare it under "variables"',
    );
    expect(englishProblem('jsonExpectedValue', { found: '' })).toBe('JSON syntax: expected a value, found end of file');
    expect(englishProblem('jsonControlChar')).toBe(
      'JSON syntax: a control character (such as a tab) inside a string: write it as \\t or remove it',
    );
  });

  it('phrases words inside a problem (the kind of entry, the end of the file) and keeps data as it is', () => {
    const duplicate = {
      file: 'a.json',
      message: '',
      code: 'duplicateId' as const,
      params: { kind: 'scenario', id: 'vip', first: 'scenarios[0].id' },
    };
    expect(problemMessage(duplicate, 'zh-CN')).toBe(
      '场景 id "vip" 重复了（第一次出现在 scenarios[0].id）：id 不能重复',
    );
    expect(problemMessage(duplicate, 'zh-TW')).toBe(
      '場景 id "vip" 重複了（第一次出現在 scenarios[0].id）：id 不能重複',
    );
    const eof = { file: 'a.json', message: '', code: 'jsonExpectedValue' as const, params: { found: '' } };
    expect(problemMessage(eof, 'zh-TW')).toBe('JSON 語法錯誤：這裡應該是一個值，卻遇到檔案結尾');
    // A problem made outside the engine has no code and keeps its own text.
    expect(problemMessage({ file: 'a.json', message: 'as made' }, 'zh-CN')).toBe('as made');
  });
});
