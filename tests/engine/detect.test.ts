// Scenario detection on clear messages per scenario and language, abstention, typos and pinyin, negation, ranking.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createScenarioDetector, triggerWeight } from '../../engine/detect.ts';
import { negatedRanges } from '../../engine/detect-negation.ts';
import { featuresOf } from '../../engine/detect-similarity.ts';
import { mergePacks } from '../../engine/pack-merge.ts';
import { isWholeUnitSpan, pinyinKeyOfPhrase, pinyinOf, spellInPinyin } from '../../engine/pinyin.ts';
import { SCENARIO_IDS, type MergedScenario, type Pack } from '../../engine/types.ts';

const scenariosOf = (packs: readonly Pack[]): MergedScenario[] => mergePacks(packs).scenarios;

const detect = createScenarioDetector(scenariosOf(DEFAULT_PACKS));
const topId = (text: string): string => detect(text, 3)[0]?.id ?? 'none';

/** Messages written for these tests (neither the dev set's nor the held-out set's), one scenario each. */
const CLEAR_CASES: Record<string, string[]> = {
  greeting: ['在吗在吗', '你好,有人在线吗', '客服您好', 'hello, anyone there?'],
  product_inquiry: [
    '这款扫地机多少钱',
    '高配版和低配版有啥区别',
    '這款耳機有支援藍牙5.0嗎',
    'how much is the family plan',
  ],
  order_change: [
    '帮我取消订单吧不想要了',
    '我要改一下收货地址',
    '訂單地址寫錯了想修改',
    'please cancel my order, I changed my mind',
  ],
  shipping_delay: ['快递怎么还没到', '物流三天没动了', '我的包裹到哪了', 'where is my package, it was due yesterday'],
  out_of_stock: ['这款什么时候补货', '一直显示缺货', '這個顏色什麼時候有貨', 'is the grey one back in stock yet'],
  return_refund: ['我要退货退款', '退款怎么还没到账', '我想申請退貨', 'I want a refund for this broken kettle'],
  account_security: ['我的账号被盗了', '忘记密码了怎么找回', '收不到驗證碼', 'my account was hacked last night'],
  technical_issue: ['app打开就闪退', '付款一直报错', '程式一直閃退', 'the app keeps crashing on startup'],
  service_outage: [
    '你们是不是崩了大家都用不了',
    '整个小区都没网',
    '整棟大樓都斷網了',
    'is your site down for everyone?',
  ],
  complaint: ['我要投诉你们', '服务太差了非常不满意', '我要客訴', 'this is unacceptable, I want to file a complaint'],
  angry_abusive: ['垃圾公司骗子', '你们这群废物', '你們就是騙子', 'you are scammers and idiots'],
  staff_complaint: [
    '你们那个客服态度太差了',
    '工号886的客服很不耐烦',
    '上次那个客服态度恶劣',
    'your agent was rude and hung up on me',
  ],
  ask_supervisor: ['叫你们领导来', '我要找你们经理', '請你們主管出來', 'I want to talk to your manager'],
  beyond_authority: ['赔我一万块', '这单给我免单', '給我特殊處理一下', 'I want 10x compensation'],
  waiting_too_long: [
    '等了半天怎么没人回',
    '电话一直打不进来',
    '等了好久都沒人回',
    "I've been waiting forever, no one answers",
  ],
  not_understood: ['没听懂你说的', '看不懂什么意思', '我不太明白你的意思', "sorry, I don't understand what you mean"],
  suggestion: [
    '建议你们加个搜索功能',
    '希望你们以后能开发票',
    '建議增加夜間模式',
    'a suggestion: you should add dark mode',
  ],
  thanks: ['谢谢你', '多谢多谢', '謝謝你', 'thank you so much'],
  praise: ['服务真好,给你点赞', '五星好评', '你們服務很專業', 'great service, very helpful'],
  customer_apology: ['刚才不好意思我态度不好', '抱歉刚才语气不好', '剛才不好意思', 'sorry for earlier, I was rude'],
  harassment: ['美女你有男朋友吗', '陪我聊天嘛', '加個微信吧美女', 'are you single? wanna date'],
  connection_issue: ['刚才掉线了', '消息发不出去', '剛才斷線了', 'sorry, I got disconnected'],
  callback_request: ['给我回个电话', '打我电话吧', '請回電給我', 'please call me back'],
  closing: ['没有了,拜拜', '好的再见', '沒有其他問題了,掰掰', "that's all, bye"],
};

describe('createScenarioDetector with the default packs', () => {
  it('has clear cases for every scenario of the taxonomy', () => {
    expect(Object.keys(CLEAR_CASES).sort()).toEqual([...SCENARIO_IDS].sort());
  });

  for (const [scenario, messages] of Object.entries(CLEAR_CASES)) {
    it.each(messages)(`puts ${scenario} first for %s`, (message) => {
      expect(topId(message)).toBe(scenario);
    });
  }

  it.each([
    'DD202406118823',
    '嗯',
    '嗯嗯',
    'ok',
    '好',
    '收到',
    '[图片]',
    '[圖片]',
    'https://shop.example.com/item/8812',
    '12345678',
    '👍',
    '',
    '   ',
    '订单号 A-99812',
    '订单号:20231108771203',
    '运单号SF1402889931',
    'order #B-77120',
    'tracking number 1Z999AA10123456784',
    '嗯好',
    '好喔',
    // Half messages sharing a common word or two with some example, and nothing else.
    '那个 我还想要',
    '啊啊啊啊 急死了',
  ])('abstains on %j', (message) => {
    expect(detect(message, 3)).toEqual([]);
  });

  it('reads past a labelled identifier to the need around it', () => {
    expect(topId('运单号SF1402889931 到哪了')).toBe('shipping_delay');
    expect(topId('order #B-77120 still hasnt arrived')).toBe('shipping_delay');
  });

  it('answers a message with content from its closest examples even without a trigger', () => {
    // No trigger in it (做工, 粗糙, 以前 are none): the examples and the learned reader recognize a complaint.
    expect(detect('这次买的跟以前的完全不一样，做工粗糙多了', 3)[0]?.id).toBe('complaint');
  });

  it('reads a temper denied as praise, not as a complaint about the agent', () => {
    expect(topId('剛剛那位客服超有耐心 問了好幾次都沒有不耐煩')).toBe('praise');
    expect(detect('客服全程都没有不耐烦，很专业，好评', 3).map((s) => s.id)).not.toContain('staff_complaint');
    // Asked, not denied: "有没有敷衍我" is a complaint about the agent.
    expect(topId('你们客服到底有没有敷衍我')).toBe('staff_complaint');
  });

  it('ends a negation where an unpunctuated new request begins', () => {
    expect(topId('不想跟你谈了 给我换你们经理')).toBe('ask_supervisor');
  });

  it('does not read a negation that opens the trigger itself as negating it', () => {
    expect(topId('这个不想要了 能退吗')).toBe('return_refund');
  });

  it.each([
    ['包裹一个礼拜了还没影', 'shipping_delay'],
    ['钱啥时候退给我', 'return_refund'],
    ['帳號被人登了', 'account_security'],
    ['網路一直斷 當機好幾次', 'technical_issue'],
    ['我要客訴 東西品質有夠爛', 'complaint'],
    ['how long till my parcel shows up', 'shipping_delay'],
    ["still waiting on my refund, it's been two weeks", 'return_refund'],
  ])('reads the everyday or regional wording in %s as %s', (message, scenario) => {
    expect(topId(message)).toBe(scenario);
  });

  it.each([
    ['在马', 'greeting'],
    ['物留不动了', 'shipping_delay'],
    ['怎么还不发火', 'shipping_delay'],
    ['退宽到哪了', 'return_refund'],
    ['密马忘了', 'account_security'],
    ['我要投宿', 'complaint'],
    ['app老是shan退', 'technical_issue'],
    ['i want a refnud', 'return_refund'],
    ['my acount was hackd', 'account_security'],
  ])('reads the homophone, pinyin or typo in %s as %s', (message, scenario) => {
    expect(topId(message)).toBe(scenario);
  });

  it('scores a pinyin match below the same trigger written correctly', () => {
    const exact = detect('物流', 1)[0]!;
    const homophone = detect('物留', 1)[0]!;
    expect(homophone.id).toBe(exact.id);
    expect(homophone.score).toBeLessThan(exact.score);
  });

  it.each([
    // (Not 换个颜色: after "not a refund" that reads as an exchange, which is return_refund too.)
    ['不是要退款,我是想改个收货地址', 'order_change'],
    ['我不是投诉,就是提个建议', 'suggestion'],
    ["I don't want a refund, I just need to change the delivery address", 'order_change'],
    ['没有要取消订单,只是问下什么时候发货', 'shipping_delay'],
  ])('follows the contrast in %s', (message, scenario) => {
    expect(topId(message)).toBe(scenario);
  });

  it('ranks a two-scenario message: the refund first, then the complaint or the anger', () => {
    const ranked = detect('这破东西用了两天就坏了,必须给我退款!!!', 3).map((m) => m.id);
    expect(ranked[0]).toBe('return_refund');
    expect(ranked.slice(1)).toEqual(expect.arrayContaining([expect.stringMatching(/^(complaint|angry_abusive)$/u)]));
  });

  it('never takes an angry complaint for harassment', () => {
    for (const message of [
      '你们这群骗子,垃圾服务,我要投诉',
      '什么破客服,滚',
      'YOU PEOPLE ARE USELESS, I WANT A MANAGER',
    ]) {
      const ids = detect(message, 3).map((m) => m.id);
      expect(ids).not.toContain('harassment');
      expect(['complaint', 'angry_abusive', 'ask_supervisor']).toContain(ids[0]);
    }
  });

  it('returns scores in 0..1, best first, at most `top`, and nothing for top 0', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 0, max: 5 }), (message, top) => {
        const matches = detect(message, top);
        expect(matches.length).toBeLessThanOrEqual(top);
        for (let i = 0; i < matches.length; i++) {
          expect(matches[i]!.score).toBeGreaterThan(0);
          expect(matches[i]!.score).toBeLessThanOrEqual(1);
          if (i > 0) expect(matches[i]!.score).toBeLessThanOrEqual(matches[i - 1]!.score);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same message gives the same answer, whatever came before, and a rebuilt detector agrees', () => {
    const messages = Object.values(CLEAR_CASES).flat();
    const first = messages.map((m) => detect(m, 3));
    const again = [...messages]
      .reverse()
      .map((m) => detect(m, 3))
      .reverse();
    const rebuilt = createScenarioDetector(scenariosOf(DEFAULT_PACKS));
    expect(again).toEqual(first);
    expect(messages.map((m) => rebuilt(m, 3))).toEqual(first);
  });

  it('works with a pack set of one custom scenario and with none', () => {
    const custom = createScenarioDetector([
      {
        id: 'invoice',
        title: '发票',
        triggers: ['发票', 'invoice'],
        examples: ['能开增值税发票吗'],
        replies: [],
        tips: [],
        packIds: ['team'],
      },
    ]);
    expect(custom('能开发票吗', 3)[0]?.id).toBe('invoice');
    expect(custom('I need an invoice', 3)[0]?.id).toBe('invoice');
    expect(createScenarioDetector([])('能开发票吗', 3)).toEqual([]);
  });

  it('lets a message taught as needing no scenario stand even where it is one trigger', () => {
    const greeting = { id: 'greeting', title: '问候', triggers: ['hello'], examples: [], replies: [], tips: [] };
    expect(createScenarioDetector([{ ...greeting, packIds: ['team'] }])('hello', 3)[0]?.id).toBe('greeting');
    expect(createScenarioDetector([{ ...greeting, packIds: ['team'] }], undefined, ['hello'])('hello', 3)).toEqual([]);
  });

  it('reads a two-character trigger only where it is a word of its own', () => {
    const reissue = createScenarioDetector([
      { id: 'invoice', title: '发票', triggers: ['重开'], examples: [], replies: [], tips: [], packIds: ['team'] },
    ]);
    const asked = reissue('抬头错了 帮我重开一张', 3)[0];
    expect(asked?.id).toBe('invoice');
    // 重开机 (reboots) is one word: 重开 is not in it, and only the characters the classifier shares are left.
    expect(reissue('手机一直自动重开机', 3)[0]?.score ?? 0).toBeLessThan(asked!.score);
  });
});

describe('detection helpers', () => {
  it('weighs longer triggers more', () => {
    expect(triggerWeight('退')).toBeLessThan(triggerWeight('退款'));
    expect(triggerWeight('退款')).toBeLessThan(triggerWeight('七天无理由'));
    expect(triggerWeight('refund')).toBeLessThan(triggerWeight('money back'));
  });

  it('spells Han characters in toneless pinyin and keeps Latin runs as units', () => {
    expect(pinyinOf('流')).toBe('liu');
    expect(pinyinKeyOfPhrase('物流')).toBe('wuliu');
    expect(pinyinKeyOfPhrase('app')).toBeUndefined();
    const spelling = spellInPinyin('shan退了');
    expect(spelling.key).toBe('shantuiliao');
    expect(isWholeUnitSpan(spelling, 0, 7)).toBe(true);
    // "an退" cuts the Latin unit: not a match.
    expect(isWholeUnitSpan(spelling, 2, 7)).toBe(false);
    // Pure Latin never matches through pinyin (English words are not homophones of Chinese triggers).
    expect(isWholeUnitSpan(spellInPinyin('shantui'), 0, 7)).toBe(false);
  });

  it('finds negated clauses and leaves questions and built-in negations alone', () => {
    const text = '不是要退款,我是想换个颜色';
    const [range] = negatedRanges(text);
    expect(text.slice(range!.start, range!.end)).toBe('不是要退款');
    expect(negatedRanges('你们是不是崩了')).toEqual([]);
    expect(negatedRanges('i just need help')).toEqual([]);
    const english = "i don't want a refund, i just need a new one";
    const [scope] = negatedRanges(english);
    expect(english.slice(scope!.start, scope!.end)).toBe("don't want a refund");
  });

  it('reads features: Han bigrams, content words without stop words', () => {
    expect(featuresOf('退款到账')).toEqual(expect.arrayContaining(['退款', '款到', '到账']));
    expect(featuresOf('where is my refund')).toEqual(['w:where', 'w:refund']);
  });
});

describe('follow-ups with no need of their own', () => {
  const detect = createScenarioDetector(mergePacks(DEFAULT_PACKS).scenarios);
  it.each(['怎么办？', '那我现在怎么办？', '还有呢', '然后呢', 'ok so?', 'and then?', '那怎么办啊'])(
    'abstains on %s',
    (text) => {
      expect(detect(text, 3)).toEqual([]);
    },
  );

  it('still reads the need beside such words', () => {
    expect(detect('账号被盗了怎么办', 3)[0]?.id).toBe('account_security');
  });
});
