// Phrase search: words in simplified or traditional characters, pinyin initials, full pinyin, typos, and the shipped packs.
import { describe, expect, it, vi } from 'vitest';
import zhCN from '../../data/packs/zh-CN.json' with { type: 'json' };
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { mergePacks } from '../../engine/pack-merge.ts';
import { createPhraseSearch, foldForSearch } from '../../engine/search.ts';
import type { MergedPacks, MergedReply, Pack } from '../../engine/types.ts';

function reply(id: string, text: string, locale = 'zh-CN', title?: string): MergedReply {
  return { id, text, title, packId: locale, locale };
}

const fixture: Pick<MergedPacks, 'scenarios' | 'stages'> = {
  scenarios: [
    {
      id: 'return_refund',
      title: '退货退款',
      triggers: [],
      examples: [],
      tips: [],
      packIds: ['zh-CN'],
      replies: [
        reply('return_refund.timeline', '您的退款申请已经提交，款项将原路退回。', 'zh-CN', '告知退款时间'),
        reply('return_refund.tw', '您的退款申請已經送出，款項將原路退回。', 'zh-TW'),
        reply(
          'return_refund.en',
          'Your refund has been submitted and will go back to the original payment method.',
          'en',
        ),
      ],
    },
    {
      id: 'shipping_delay',
      title: '物流延迟',
      triggers: [],
      examples: [],
      tips: [],
      packIds: ['zh-CN'],
      replies: [reply('shipping_delay.check', '我马上为您查询物流信息，请稍等。')],
    },
  ],
  stages: [
    {
      id: 'stage.hold',
      title: '请客户稍候',
      tips: [],
      packIds: ['zh-CN'],
      replies: [reply('stage.hold.wait', '请您稍等片刻，我帮您核实一下。')],
    },
  ],
};

const ids = (hits: { reply: { id: string } }[]) => hits.map((h) => h.reply.id);

describe('phrase search', () => {
  const search = createPhraseSearch(fixture);

  it('indexes every reply of scenarios and stages', () => {
    expect(search.size).toBe(5);
  });

  it('finds words in simplified text, and the same word written in traditional', () => {
    expect(ids(search.search('退款'))).toEqual(expect.arrayContaining(['return_refund.timeline', 'return_refund.tw']));
    const traditional = search.search('退款申請');
    expect(ids(traditional)).toEqual(expect.arrayContaining(['return_refund.timeline', 'return_refund.tw']));
    expect(traditional[0]?.matchedBy).toBe('text');
  });

  it('finds replies by pinyin initials: tk → 退款', () => {
    const hits = search.search('tk');
    expect(ids(hits)).toContain('return_refund.timeline');
    expect(ids(hits)).not.toContain('shipping_delay.check');
    expect(hits.find((h) => h.reply.id === 'return_refund.timeline')?.matchedBy).toBe('initials');
  });

  it('finds replies by full pinyin, also a syllable still being typed', () => {
    expect(ids(search.search('tuikuan'))).toContain('return_refund.timeline');
    expect(ids(search.search('wuliu'))).toEqual(['shipping_delay.check']);
    expect(ids(search.search('shaod'))).toContain('stage.hold.wait');
    // Full pinyin must start on a syllable: "uik" is inside tui·kuan, not a syllable start.
    const unaligned = search.search('uikuan').find((h) => h.reply.id === 'return_refund.timeline');
    expect(unaligned?.matchedBy).not.toBe('pinyin');
  });

  it('finds English words case-insensitively and tolerates a typo', () => {
    const refund = search.search('REFUND');
    expect(refund.filter((hit) => hit.matchedBy === 'text').map((hit) => hit.reply.id)).toEqual(['return_refund.en']);
    expect(refund[0]?.reply.id).toBe('return_refund.en');
    const typo = search.search('refnud');
    expect(ids(typo)).toContain('return_refund.en');
    expect(typo[0]?.matchedBy).toBe('fuzzy');
    expect(search.search('xyzzyq')).toEqual([]);
  });

  it('requires every word of a query to match', () => {
    expect(ids(search.search('退款 原路'))).toEqual(expect.arrayContaining(['return_refund.timeline']));
    expect(ids(search.search('退款 物流'))).toEqual([]);
  });

  it('finds a stage by its title and reports where each hit belongs', () => {
    const [hit] = search.search('稍候');
    expect(hit).toMatchObject({ scopeKind: 'stage', scopeId: 'stage.hold', scopeTitle: '请客户稍候' });
  });

  it('ranks a match in the text above one found only through the scope title', () => {
    const hits = search.search('退货');
    // 退货 is in the scenario title only; 退回 texts are not 退货.
    expect(hits.every((h) => h.matchedBy === 'scope')).toBe(true);
    const literal = search.search('原路退回');
    expect(literal[0]?.matchedBy).toBe('text');
  });

  it('ranks match kinds so callers can order equal kinds by language', () => {
    const [literal] = search.search('退款');
    const [typo] = search.search('refnud');
    // 0 is a reply's own shortcut typed whole; a literal match of the text comes right after.
    expect(literal!.matchRank).toBe(1);
    expect(typo!.matchRank).toBeGreaterThan(search.search('tk')[0]!.matchRank);
  });

  it('returns nothing for an empty query and honours the limit', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('n', { limit: 2 }).length).toBeLessThanOrEqual(2);
  });

  it('folds full-width and traditional forms the same way for phrases and queries', () => {
    expect(foldForSearch('ＴＫ退款申請')).toBe('tk退款申请');
  });
});

describe('phrase search over the shipped zh-CN pack', () => {
  const pack = zhCN as Pack;
  const merged: Pick<MergedPacks, 'scenarios' | 'stages'> = {
    scenarios: (pack.scenarios ?? []).map((s) => ({
      id: s.id,
      title: s.title,
      triggers: s.triggers ?? [],
      examples: s.examples ?? [],
      tips: s.tips ?? [],
      packIds: [pack.id],
      replies: (s.replies ?? []).map((r) => ({ ...r, packId: pack.id, locale: pack.locale })),
    })),
    stages: (pack.stages ?? []).map((s) => ({
      id: s.id,
      title: s.title,
      tips: s.tips ?? [],
      packIds: [pack.id],
      replies: s.replies.map((r) => ({ ...r, packId: pack.id, locale: pack.locale })),
    })),
  };
  const search = createPhraseSearch(merged);

  it('finds refund replies by initials, full pinyin and traditional characters', () => {
    for (const query of ['tk', 'tuikuan', '退款', '退款申請']) {
      const scopes = search.search(query).map((h) => h.scopeId);
      expect(scopes, query).toContain('return_refund');
    }
  });
});

describe('a query read as a customer would write it', () => {
  const merged = mergePacks(DEFAULT_PACKS);
  const search = createPhraseSearch(merged);
  const top3 = (query: string, locale: string) =>
    search.search(query, { locale, limit: 3 }).map((hit) => `${hit.scopeId}:${hit.matchedBy}`);

  it("finds the scenario's replies with no word in common: Taiwan usage, a phrase the replies do not use", () => {
    expect(top3('超商取貨還沒到', 'zh-TW').every((hit) => hit.startsWith('shipping_delay:'))).toBe(true);
    expect(top3('退款何時入帳', 'zh-TW')[0]).toBe('return_refund:asked');
    expect(top3('promo code', 'en')[0]).toBe('promotion:asked');
  });

  it('takes the reading from the engine where one is given, and only its first scenario', () => {
    const reader = vi.fn(() => [
      { id: 'invoice', score: 0.9 },
      { id: 'promotion', score: 0.8 },
    ]);
    const own = createPhraseSearch(merged, reader);
    const scopes = new Set(own.search('报销那个东西', { limit: 10 }).map((hit) => hit.scopeId));
    expect(reader).toHaveBeenCalledWith('报销那个东西');
    expect(scopes.has('invoice')).toBe(true);
    expect(scopes.has('promotion')).toBe(false);
  });

  it('says "no match" rather than read a scenario into noise', () => {
    expect(search.search('zzzz')).toEqual([]);
    expect(search.search('天气', { limit: 3 }).filter((hit) => hit.matchedBy === 'asked')).toEqual([]);
  });
});

describe("a stage found by the words agents search it by (a stage's triggers)", () => {
  const search = createPhraseSearch(mergePacks(DEFAULT_PACKS));
  const scopes = (query: string) => search.search(query, { limit: 3 }).map((hit) => hit.scopeId);

  it.each([
    ['转人工', 'stage.transfer'],
    ['轉給專人', 'stage.transfer'],
    ['wait', 'stage.hold'],
    ['did that fix it', 'stage.confirm_resolved'],
    ['搞定了吗', 'stage.confirm_resolved'],
  ])('%s finds %s first', (query, stage) => {
    expect(scopes(query)[0]).toBe(stage);
  });

  it('leaves a customer request to its scenario (call me back is callback_request, not the agent promising a reply)', () => {
    expect(scopes('call me back')[0]).toBe('callback_request');
  });

  it('merges the stage triggers of every pack and finds a team pack stage by its own words', () => {
    const team: Pack = {
      schemaVersion: 2,
      id: 'team',
      name: 'Team',
      version: '1',
      locale: 'zh-CN',
      stages: [
        {
          id: 'stage.hold',
          title: '请客户稍等',
          triggers: ['查库存中'],
          replies: [{ id: 'team.hold', text: '正在为您核实库存，请稍候。' }],
        },
      ],
    };
    const merged = mergePacks([...DEFAULT_PACKS, team]);
    expect(merged.stages.find((s) => s.id === 'stage.hold')?.triggers).toEqual(
      expect.arrayContaining(['稍等', 'wait', '查库存中']),
    );
    expect(createPhraseSearch(merged).search('查库存中', { limit: 3 })[0]?.scopeId).toBe('stage.hold');
  });
});

describe('a query that describes the customer', () => {
  const search = createPhraseSearch(mergePacks(DEFAULT_PACKS));
  const scopes = (query: string) =>
    search
      .search(query, { locale: query.match(/[a-z]/u) ? 'en' : 'zh-CN' })
      .slice(0, 3)
      .map((hit) => hit.scopeId);

  it.each([
    ['顾客一直要加我微信', 'harassment'],
    ['客人在电话里骂人', 'angry_abusive'],
    ['the customer is livid', 'angry_abusive'],
    ['customer keeps swearing', 'angry_abusive'],
  ])('%s finds %s', (query, scope) => {
    expect(scopes(query)).toContain(scope);
  });

  it('reads a query without a customer named as before', () => {
    expect(scopes('加我微信')).toEqual(scopes('加我微信'));
    expect(scopes('骂人')).not.toContain('angry_abusive');
  });
});
