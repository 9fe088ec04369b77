// The reply search as the `;;` picker uses it: words, full pinyin and initials from the engine's pinyin table, current scenario first, each reply once.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { mergePacks } from '../../engine/pack-merge.ts';
import type { MergedPacks, MergedReply } from '../../engine/types.ts';
import { createPhraseSearch } from '../../engine/search.ts';

function reply(id: string, text: string, title?: string): MergedReply {
  return { id, text, title, packId: 'zh-CN', locale: 'zh-CN' };
}

function scope(id: string, title: string, replies: MergedReply[]) {
  return { id, title, triggers: [], examples: [], tips: [], packIds: ['zh-CN'], replies };
}

const fixture = {
  scenarios: [
    scope('return_refund', '退货退款', [reply('refund.time', '您的退款申请已经提交，款项将原路退回。', '退款时间')]),
    scope('logistics', '物流查询', [reply('logistics.where', '您的包裹正在派送中，请耐心等待。')]),
  ],
  stages: [{ id: 'stage.hold', title: '稍等', replies: [reply('hold.wait', '请您稍等，我帮您核实一下。')] }],
} as unknown as Pick<MergedPacks, 'scenarios' | 'stages'>;

const ids = (hits: { reply: MergedReply }[]) => hits.map((h) => h.reply.id);

describe('createPhraseSearch', () => {
  const search = createPhraseSearch(fixture);

  it('finds by pinyin initials, full pinyin and words', () => {
    expect(ids(search.search('tk', { currentScenarioIds: [], limit: 5 }))).toEqual(['refund.time']);
    expect(ids(search.search('tuikuan', { currentScenarioIds: [], limit: 5 }))).toEqual(['refund.time']);
    expect(ids(search.search('包裹', { currentScenarioIds: [], limit: 5 }))).toEqual(['logistics.where']);
    // Traditional characters find simplified replies.
    expect(ids(search.search('包裹 派送', { currentScenarioIds: [], limit: 5 }))).toEqual(['logistics.where']);
    expect(ids(search.search('退款時間', { currentScenarioIds: [], limit: 5 }))).toEqual(['refund.time']);
  });

  it('full pinyin must start on a syllable (uan inside tuikuan is no match)', () => {
    // Only a typo reading may still find it (as in the panel), never a pinyin match.
    expect(search.search('uikuan', { currentScenarioIds: [], limit: 5 }).map((h) => h.matchedBy)).not.toContain(
      'pinyin',
    );
  });

  it('with an empty query lists the current scenario first, then the stages', () => {
    expect(ids(search.suggest({ currentScenarioIds: ['logistics'], limit: 5 }))).toEqual([
      'logistics.where',
      'hold.wait',
    ]);
    expect(ids(search.suggest({ currentScenarioIds: [], limit: 5 }))).toEqual(['hold.wait']);
  });

  it('ranks the current scenario first among equal matches and keeps the limit', () => {
    // "您" starts both scenario replies: the detected scenario leads.
    expect(ids(search.search('您的', { currentScenarioIds: ['logistics'], limit: 5 }))).toEqual([
      'logistics.where',
      'refund.time',
    ]);
    expect(search.search('您', { currentScenarioIds: [], limit: 1 })).toHaveLength(1);
  });

  it('reads what a query means in the shipped packs: everyday questions, whole-word initials, nothing for a held key', () => {
    const search = createPhraseSearch(mergePacks(DEFAULT_PACKS));
    const first = (query: string, locale: string): string | undefined =>
      search.search(query, { locale, limit: 3 })[0]?.scopeId;
    expect(first('快递到哪了', 'zh-CN')).toBe('shipping_delay');
    expect(first('物流查詢', 'zh-TW')).toBe('shipping_delay');
    expect(first('where is my parcel', 'en')).toBe('shipping_delay');
    // Found by what it means, or as the detector reads the customer's question: no reply holds these words.
    expect(search.search('快递到哪了', { locale: 'zh-CN', limit: 1 })[0]?.matchedBy).toMatch(/^(?:meaning|asked)$/u);
    // wl is 物流, not the w and l inside "acknowledge".
    expect(first('wl', 'zh-CN')).toBe('shipping_delay');
    expect(search.search('wl', { locale: 'en' }).some((hit) => hit.matchedBy === 'title')).toBe(false);
    expect(search.search('zzzz', { locale: 'zh-CN' })).toEqual([]);
  });

  it('finds refund replies in the shipped packs from ;;tk', () => {
    const merged = mergePacks(DEFAULT_PACKS);
    const hits = createPhraseSearch(merged).search('tk', { currentScenarioIds: [], limit: 8 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.slice(0, 2).map((hit) => hit.scopeId)).toEqual(['return_refund', 'return_refund']);
    // Replies spelling 退款 come first; the scope's other replies follow by meaning.
    expect(hits[0]!.reply.text).toMatch(/退款|退貨|退货|退還|退还/u);
    const literal = hits.filter((hit) => hit.matchedBy === 'initials');
    for (const hit of literal) expect(hit.reply.text).toMatch(/退款|退貨|退货|退還|退还/u);
  });
});

describe('createPhraseSearch with translated packs', () => {
  const search = createPhraseSearch(mergePacks(DEFAULT_PACKS));
  const languages = (hits: { reply: MergedReply }[]) => hits.map((h) => `${h.reply.id}:${h.reply.locale}`);

  it('offers each reply once, in the language asked for, when only the trigger is typed', () => {
    const hits = search.suggest({ currentScenarioIds: ['return_refund'], limit: 50, locale: 'en' });
    const keys = hits.map((h) => h.reply.id);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      languages(hits)
        .slice(0, 3)
        .every((key) => key.endsWith(':en')),
    ).toBe(true);
    const chinese = search.suggest({ currentScenarioIds: ['return_refund'], limit: 50, locale: 'zh-CN' });
    expect(
      languages(chinese)
        .slice(0, 3)
        .every((key) => key.endsWith(':zh-CN')),
    ).toBe(true);
  });

  it('offers the language the query matched: English words find the English wording, pinyin the Chinese', () => {
    const english = search.search('refund', { currentScenarioIds: [], limit: 5, locale: 'zh-CN' });
    expect(english.length).toBeGreaterThan(0);
    expect(english[0]!.reply.locale).toBe('en');
    expect(english.filter((h) => h.matchedBy === 'text').every((h) => h.reply.locale === 'en')).toBe(true);
    const pinyin = search.search('tuikuan', { currentScenarioIds: [], limit: 5, locale: 'en' });
    expect(pinyin.length).toBeGreaterThan(0);
    expect(pinyin[0]!.reply.locale.startsWith('zh')).toBe(true);
    expect(pinyin.filter((h) => h.matchedBy === 'pinyin').every((h) => h.reply.locale.startsWith('zh'))).toBe(true);
    const keys = pinyin.map((h) => `${h.scopeId}|${h.reply.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
