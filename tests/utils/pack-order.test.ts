// Built-in pack order follows the interface language: the Chinese pack of the agent's script has the last word on rules.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.ts';
import { builtInPacksFor, orderPacks } from '../../utils/packs.ts';

const prefs = { order: [], disabled: [] };

describe('builtInPacksFor', () => {
  it('lets zh-CN win by default and for zh-CN and English interfaces', () => {
    for (const locale of [undefined, 'zh-CN', 'en'] as const) {
      expect(builtInPacksFor(locale).map((p) => p.locale)).toEqual(['en', 'zh-TW', 'zh-CN']);
    }
  });

  it('lets zh-TW win for a traditional-Chinese interface', () => {
    expect(builtInPacksFor('zh-TW').map((p) => p.locale)).toEqual(['en', 'zh-CN', 'zh-TW']);
  });

  it('shows a Taiwan agent the rule message and fix in traditional characters', () => {
    const packs = orderPacks([], prefs, 'zh-TW').map((e) => e.pack);
    const [finding] = createEngine(packs).lint('這個我不能幫您改。');
    expect(finding?.message).toContain('會讓客戶覺得被拒絕');
    expect(finding?.fix?.text).toBe('這個我先幫您看看還有沒有其他辦法，有結果馬上告訴您。');
    const simplified = createEngine(orderPacks([], prefs, 'zh-CN').map((e) => e.pack)).lint('这个我不能帮您改。');
    expect(simplified[0]?.message).toContain('会让客户觉得被拒绝');
  });

  it('keeps the agent’s own order of packs over the default', () => {
    const ids = orderPacks([], { order: ['en', 'zh-TW', 'zh-CN'], disabled: [] }, 'zh-TW').map((e) => e.pack.id);
    expect(ids).toEqual(['en', 'zh-TW', 'zh-CN']);
  });
});
