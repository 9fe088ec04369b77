// Reply ranking by language and usage, usage bookkeeping, and the CSV export.
import { describe, expect, it } from 'vitest';
import { languageTier, rankReplies, recordReplyUse, replyUsageToCsv, resetReplyUsage } from '../../engine/ranking.ts';
import type { MergedReply } from '../../engine/types.ts';

const replies: MergedReply[] = [
  { id: 'a', text: 'Sorry about that.', packId: 'en', locale: 'en' },
  { id: 'b', text: '抱歉給您帶來不便。', packId: 'zh-TW', locale: 'zh-TW' },
  { id: 'c', text: '很抱歉给您带来不便。', packId: 'zh-CN', locale: 'zh-CN' },
  { id: 'd', text: '非常理解您的心情。', packId: 'zh-CN', locale: 'zh-CN' },
];

describe('languageTier', () => {
  it('separates the exact UI language, the same language in another script, and other languages', () => {
    expect(languageTier('zh-CN', 'zh-CN')).toBe(0);
    expect(languageTier('zh_TW', 'zh-TW')).toBe(0);
    expect(languageTier('zh-TW', 'zh-CN')).toBe(1);
    expect(languageTier('en', 'zh-CN')).toBe(2);
  });
});

describe('rankReplies', () => {
  it('puts the UI language first, then the same language, then others, keeping pack order on ties', () => {
    expect(rankReplies(replies, 'zh-CN').map((r) => r.reply.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(rankReplies(replies, 'en').map((r) => r.reply.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('raises the replies used more often within their language, and says how often', () => {
    const ranked = rankReplies(replies, 'zh-CN', { d: 12, c: 3, a: 50 });
    expect(ranked.map((r) => [r.reply.id, r.uses])).toEqual([
      ['d', 12],
      ['c', 3],
      ['b', 0],
      ['a', 50],
    ]);
  });

  it('lists a reply the packs carry in several languages once, in the language closest to the one asked for', () => {
    const translated = [
      { id: 'greet', text: '您好', packId: 'zh-CN', locale: 'zh-CN' },
      { id: 'greet', text: '您好', packId: 'zh-TW', locale: 'zh-TW' },
      { id: 'greet', text: 'Hello', packId: 'en', locale: 'en' },
      { id: 'bye', text: 'Bye', packId: 'en', locale: 'en' },
    ];
    const shown = (locale: string) => rankReplies(translated, locale).map((r) => `${r.reply.id}:${r.reply.locale}`);
    expect(shown('en')).toEqual(['greet:en', 'bye:en']);
    expect(shown('zh-TW')).toEqual(['greet:zh-TW', 'bye:en']);
    expect(shown('zh-CN')).toEqual(['greet:zh-CN', 'bye:en']);
  });

  it('does not change its input', () => {
    const copy = [...replies];
    rankReplies(replies, 'zh-CN', { d: 1 });
    expect(replies).toEqual(copy);
  });
});

describe('usage counts', () => {
  it('counts one more use per scenario and reply without touching the old object', () => {
    const before = { refund: { a: 1 } };
    const after = recordReplyUse(recordReplyUse(before, 'refund', 'a'), 'stage.hold', 'h');
    expect(after).toEqual({ refund: { a: 2 }, 'stage.hold': { h: 1 } });
    expect(before).toEqual({ refund: { a: 1 } });
  });

  it('resets one scope or everything', () => {
    const usage = { refund: { a: 2 }, greeting: { g: 1 } };
    expect(resetReplyUsage(usage, 'refund')).toEqual({ greeting: { g: 1 } });
    expect(resetReplyUsage(usage)).toEqual({});
  });

  it('exports CSV with ids and counts, most used first, quoting and defusing formulas', () => {
    const titles: Record<string, string> = { a: '告知退款时间', 'b,c': 'Say "sorry"' };
    const csv = replyUsageToCsv(
      { refund: { a: 2, 'b,c': 5, zero: 0 }, '=cmd': { x: 1 } },
      ['场景', '话术', '次数', '标题'],
      (_s, id) => titles[id],
    );
    expect(csv.split('\r\n')).toEqual([
      '场景,话术,次数,标题',
      "'=cmd,x,1,",
      'refund,"b,c",5,"Say ""sorry"""',
      'refund,a,2,告知退款时间',
      '',
    ]);
  });
});
