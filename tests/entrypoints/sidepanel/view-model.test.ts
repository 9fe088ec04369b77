// The panel's view data from a tab state and merged packs: confidence cues, page states, ranking, variables, masking.
import { describe, expect, it } from 'vitest';
import type { MergedReply, MergedScenario, Pack, SensitiveSpan } from '../../../engine/types.ts';
import { createPhraseSearch } from '../../../engine/search.ts';
import { replyValues } from '../../../engine/replies.ts';
import { findSensitive, maskSensitive } from '../../../engine/sensitive.ts';
import {
  buildDetectionView,
  buildScopeReplies,
  buildSearchReplies,
  buildStageViews,
  confidenceOf,
  isRestrictedUrl,
  localizedTips,
  localizedTitles,
  pageStatusOf,
} from '../../../entrypoints/sidepanel/view-model.ts';
import type { TabState } from '../../../utils/messaging.ts';

const reply = (id: string, text: string, locale: string): MergedReply => ({ id, text, locale, packId: locale });

const refund: MergedScenario = {
  id: 'return_refund',
  title: '退货退款',
  triggers: [],
  examples: [],
  tips: ['先道歉'],
  packIds: ['en', 'zh-CN'],
  replies: [
    reply('refund.en', 'Hi {customer}, your refund is on its way.', 'en'),
    reply('refund.ask', '{customer}您好，请提供订单号。', 'zh-CN'),
    reply('refund.time', '我是{agentName}，退款一般三个工作日到账。', 'zh-CN'),
  ],
};

// Stand-ins with a visible result, so these tests see what the view model passes through (variables.ts is written elsewhere).
const fillStandIn = (values: Record<string, string>) => (text: string) =>
  text.replace(/\{(\w+)\}/gu, (whole, name: string) => values[name] ?? whole);
const maskStandIn = (text: string, spans: SensitiveSpan[]) =>
  spans.reduceRight(
    (out, span) => out.slice(0, span.start) + '*'.repeat(span.end - span.start) + out.slice(span.end),
    text,
  );

function tabState(overrides: Partial<TabState> = {}): TabState {
  return {
    site: { id: 'demo', name: 'Demo desk' },
    active: true,
    latest: null,
    findings: [],
    draftLength: 0,
    noteMode: false,
    hasComposer: true,
    checklist: null,
    ...overrides,
  };
}

describe('confidence and page state', () => {
  it('turns scores into a plain cue', () => {
    expect(confidenceOf(0.97)).toBe('likely');
    expect(confidenceOf(0.9)).toBe('possible');
    expect(confidenceOf(0.45)).toBe('possible');
  });

  it('tells a ready helpdesk from an unknown page, a switched-off site and an unreachable one', () => {
    expect(pageStatusOf({ kind: 'connected', state: tabState() })).toEqual({ kind: 'ready', siteName: 'Demo desk' });
    expect(pageStatusOf({ kind: 'connected', state: tabState({ site: null, active: false }) })).toEqual({
      kind: 'not-helpdesk',
    });
    expect(pageStatusOf({ kind: 'connected', state: tabState({ active: false }) })).toEqual({
      kind: 'site-off',
      siteName: 'Demo desk',
    });
    expect(pageStatusOf({ kind: 'unreachable', url: 'https://desk.example.com/' })).toEqual({
      kind: 'unreachable',
      restricted: false,
    });
    expect(pageStatusOf({ kind: 'unreachable', url: 'chrome://extensions/' })).toEqual({
      kind: 'unreachable',
      restricted: true,
    });
    expect(isRestrictedUrl('https://chromewebstore.google.com/detail/x')).toBe(true);
    expect(isRestrictedUrl(undefined)).toBe(false);
  });
});

describe('detection view', () => {
  const scenario = (id: string) => (id === refund.id ? refund : undefined);

  it('is null before any customer message', () => {
    expect(buildDetectionView(null, { scenario, mask: maskStandIn })).toBeNull();
  });

  it('masks what the engine finds with the engine masking', () => {
    const text = '退款！我的电话13812345678';
    const view = buildDetectionView(
      {
        messageId: 'm',
        role: 'customer',
        detection: { text, scenarios: [], emotion: 'calm', sensitive: findSensitive(text) },
      },
      { scenario, mask: maskSensitive },
    );
    expect(view?.sensitiveKinds).toEqual(['phone']);
    expect(view?.maskedMessage).toContain('退款！我的电话');
    expect(view?.maskedMessage).not.toContain('13812345678');
  });

  it('keeps the detector order, drops scenarios the packs no longer have, and masks sensitive values', () => {
    const text = '退款！卡号6222021234567890123';
    const view = buildDetectionView(
      {
        messageId: 'm2',
        role: 'customer',
        followUpOf: 'm1',
        detection: {
          text,
          scenarios: [
            { id: 'return_refund', score: 0.97 },
            { id: 'gone_from_packs', score: 0.5 },
          ],
          emotion: 'angry',
          sensitive: [{ kind: 'bank_card', start: 5, end: text.length }],
        },
      },
      { scenario, mask: maskStandIn },
    );
    expect(view).toEqual({
      messageId: 'm2',
      scenarios: [{ id: 'return_refund', title: '退货退款', confidence: 'likely', tips: ['先道歉'] }],
      emotion: 'angry',
      followUp: true,
      maskedMessage: '退款！卡号' + '*'.repeat(19),
      sensitiveKinds: ['bank_card'],
      suspectedKinds: [],
    });
    expect(view?.maskedMessage).not.toContain('6222');
  });
});

describe('replies', () => {
  const values = replyValues(
    { agentName: ' 小李 ', agentId: '', company: 'ACME', customVariables: { hotline: '400' } },
    { customerName: '王女士', orderNumber: 'DD1234567' },
  );
  const inputs = { uiLocale: 'zh-CN', usage: { return_refund: { 'refund.time': 4 } }, fill: fillStandIn(values) };

  it('collects the known variable values, leaving empty ones to the fallbacks', () => {
    expect(values).toEqual({
      hotline: '400',
      customer: '王女士',
      orderNumber: 'DD1234567',
      agentName: '小李',
      company: 'ACME',
    });
  });

  it('ranks the UI language first, then by use, and fills variables', () => {
    const views = buildScopeReplies(refund, inputs);
    expect(views.map((v) => [v.id, v.uses, v.otherLanguage])).toEqual([
      ['refund.time', 4, false],
      ['refund.ask', 0, false],
      ['refund.en', 0, true],
    ]);
    expect(views[0]?.text).toBe('我是小李，退款一般三个工作日到账。');
    expect(views[2]?.text).toBe('Hi 王女士, your refund is on its way.');
    expect(new Set(views.map((v) => v.key)).size).toBe(3);
    expect(buildScopeReplies(undefined, inputs)).toEqual([]);
  });

  it('ranks by the usage of when the conversation opened, and shows the uses as they are now', () => {
    // refund.time was inserted 4 times during this conversation: it shows so, and stays where it was.
    const views = buildScopeReplies(refund, { ...inputs, rankingUsage: {} });
    expect(views.map((v) => [v.id, v.uses])).toEqual([
      ['refund.ask', 0],
      ['refund.time', 4],
      ['refund.en', 0],
    ]);
  });

  it('turns search hits into filled replies with their scope and uses', () => {
    const search = createPhraseSearch({ scenarios: [refund], stages: [] });
    const views = buildSearchReplies(search.search('dz'), inputs);
    expect(views.map((v) => [v.id, v.scopeId, v.uses])).toEqual([['refund.time', 'return_refund', 4]]);
  });

  it('lists a reply found in several languages once, in the closest language', () => {
    const translated: MergedScenario = {
      ...refund,
      replies: [
        reply('refund.when', '退款一般三个工作日到账。', 'zh-CN'),
        reply('refund.when', 'Refunds arrive in three working days.', 'en'),
      ],
    };
    const search = createPhraseSearch({ scenarios: [translated], stages: [] });
    const hits = search.search('退款');
    const views = buildSearchReplies(
      [...hits, ...hits.map((hit) => ({ ...hit, reply: translated.replies[1]! }))],
      inputs,
    );
    expect(views.map((v) => [v.id, v.locale])).toEqual([['refund.when', 'zh-CN']]);
    expect(buildScopeReplies(translated, { ...inputs, uiLocale: 'en' }).map((v) => [v.id, v.locale])).toEqual([
      ['refund.when', 'en'],
    ]);
  });

  it('lists only stages that have replies', () => {
    expect(
      buildStageViews({
        stages: [
          { id: 'stage.hold', title: '请稍候', replies: [reply('h', '请稍等', 'zh-CN')], tips: [], packIds: ['zh-CN'] },
          { id: 'stage.empty', title: '空', replies: [], tips: [], packIds: ['zh-CN'] },
        ],
      }),
    ).toEqual([{ id: 'stage.hold', title: '请稍候' }]);
  });
});

describe('titles and search order in the UI language', () => {
  const packs: Pack[] = [
    {
      schemaVersion: 1,
      id: 'en',
      name: 'en',
      version: '1',
      locale: 'en',
      scenarios: [{ id: 'return_refund', title: 'Returns and refunds' }],
      stages: [{ id: 'stage.hold', title: 'Hold', replies: [] }],
    },
    {
      schemaVersion: 1,
      id: 'zh-TW',
      name: 'tw',
      version: '1',
      locale: 'zh-TW',
      scenarios: [{ id: 'return_refund', title: '退貨退款' }],
    },
    {
      schemaVersion: 1,
      id: 'zh-CN',
      name: 'cn',
      version: '1',
      locale: 'zh-CN',
      scenarios: [{ id: 'return_refund', title: '退货退款' }],
    },
  ];

  it('takes each title from the pack in the UI language, then the same language, then the last pack', () => {
    expect(localizedTitles(packs, 'en')('return_refund')).toBe('Returns and refunds');
    expect(localizedTitles(packs, 'zh-TW')('return_refund')).toBe('退貨退款');
    expect(localizedTitles(packs, 'zh-CN')('return_refund')).toBe('退货退款');
    expect(localizedTitles(packs, 'zh-CN')('stage.hold')).toBe('Hold');
    expect(localizedTitles(packs, 'zh-CN')('unknown')).toBeUndefined();
  });

  it('shows the tips of the UI language only, falling back to another language when it has none', () => {
    const withTips: Pack[] = [
      { ...packs[0]!, scenarios: [{ id: 'return_refund', title: 'Returns', tips: ['Offer two options.'] }] },
      { ...packs[1]!, scenarios: [{ id: 'return_refund', title: '退貨', tips: ['提供兩種方案。'] }] },
      { ...packs[2]!, scenarios: [{ id: 'return_refund', title: '退货' }] },
    ];
    expect(localizedTips(withTips, 'en')('return_refund')).toEqual(['Offer two options.']);
    expect(localizedTips(withTips, 'zh-CN')('return_refund')).toEqual(['提供兩種方案。']);
    const view = buildDetectionView(
      {
        messageId: 'm',
        role: 'customer',
        detection: { text: '退款', scenarios: [{ id: 'return_refund', score: 0.5 }], emotion: 'calm', sensitive: [] },
      },
      { scenario: () => refund, mask: maskStandIn, tipsOf: localizedTips(withTips, 'en') },
    );
    expect(view?.scenarios[0]?.tips).toEqual(['Offer two options.']);
  });

  it('lists equally good search hits in the UI language first, better matches before both', () => {
    const mixed: MergedScenario = {
      ...refund,
      replies: [
        reply('tw', '退款申請已送出', 'zh-TW'),
        reply('cn', '退款申请已提交', 'zh-CN'),
        reply('cn2', '款项将原路退回', 'zh-CN'),
      ],
    };
    const search = createPhraseSearch({ scenarios: [mixed], stages: [] });
    const inputs = {
      uiLocale: 'zh-CN',
      usage: {},
      fill: (text: string) => text,
      titleOf: localizedTitles(packs, 'en'),
    };
    const views = buildSearchReplies(search.search('退款申'), inputs);
    // The third reply is about refunds too and follows by meaning.
    expect(views.map((v) => v.id).slice(0, 2)).toEqual(['cn', 'tw']);
    expect(views[0]?.scopeTitle).toBe('Returns and refunds');
  });
});
