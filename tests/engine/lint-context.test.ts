// The linter in context: quoted words are the customer's, warnings against sharing secrets are advice, false friends
// stay quiet, and overlapping hits of different categories are both reported.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createLinter } from '../../engine/lint.ts';
import {
  isAgreement,
  isEffortPromise,
  isHandedOver,
  isHedgedSentence,
  isMaskedRequest,
  isConsultingQuestion,
  isPlainQuestion,
  isPreferenceQuestion,
  namesASecret,
} from '../../engine/lint-context.ts';
import { mergePacks } from '../../engine/pack-merge.ts';

const lint = createLinter(mergePacks(DEFAULT_PACKS).rules);
const summary = (draft: string): string[] => lint(draft).map((f) => `${f.category}:${f.match}`);

describe('quoted words are not the agent’s', () => {
  it.each([
    ['“…”', '客户说“我不能接受”，我已经记录。'],
    ['「…」', '客户说「我不能接受」，我已经记录。'],
    ['『…』', '他说『这不归我管』，我替同事向您道歉。'],
    ['‘…’', 'The previous agent said ‘not my job’, and I apologise for that.'],
    ['"…"', 'You wrote "I can\'t log in", so I reset the session.'],
  ])('%s', (_kind, draft) => {
    expect(lint(draft)).toEqual([]);
  });

  it('still reports what stands outside the quotes', () => {
    expect(summary('您说“我不能接受”，但是规定就是这样。')).toEqual(['contradiction:但是']);
  });

  it('does not treat the apostrophes of English contractions as quotes', () => {
    expect(summary("I can't do that, it's not my job.")).toEqual(["refusal:can't do", 'shirking:not my job']);
  });

  it('reports a repeated card number outside quotes only', () => {
    expect(summary('您发来的“6217 0000 0012 3451”已收到')).toEqual([]);
    expect(summary('已解绑 6217 0000 0012 3451')).toEqual(['sensitive_echo:6217 0000 0012 3451']);
  });
});

describe('advice against sharing a secret is not a request for it', () => {
  it.each([
    '请勿把验证码发给我或任何人。',
    '我们不会让您把验证码发给我们。',
    'Please never send me the code, not even if someone calls.',
  ])('%s', (draft) => {
    expect(lint(draft).filter((f) => f.category === 'sensitive_request')).toEqual([]);
  });

  it('a request is still a request', () => {
    expect(summary('把验证码发给我')).toEqual(['sensitive_request:把验证码发给我']);
  });
});

describe('false friends', () => {
  it.each([
    '押金和保证金会在三个工作日内退回。',
    '为了保证您的账户安全，请及时修改密码。',
    '为了避免信息不对称，我们会邮件通知您。',
    '您看一下地址对不对，不对的话我帮您改。',
    '具体到货时间我不能保证，我会每天帮您跟进物流。',
    '我不能确定具体时间，我帮您问一下仓库。',
    '这些都是垃圾短信，请不要点击里面的链接。',
    "I can't wait to hear how you like it!",
    'You should have received a confirmation email by now.',
    'Our money-back guarantee covers this.',
  ])('%s', (draft) => {
    expect(lint(draft)).toEqual([]);
  });
});

describe('overlapping hits', () => {
  it('keeps the longer hit of one category', () => {
    expect(summary('我们拒绝为您服务。')).toEqual(['rejection:拒绝为您服务']);
  });

  it('keeps both hits of different categories when each is a whole phrase', () => {
    expect(summary('我不能为您提供服务。')).toEqual(['refusal:我不能', 'rejection:不能为您提供服务']);
    expect(summary('这个做不了，你自己看着办。')).toEqual(['refusal:做不了', 'impatience:你自己看着办']);
  });

  it('severity follows the category: 但是 is info, a rejection an error', () => {
    const [but] = lint('但是活动已经结束了。');
    const [rejection] = lint('我们拒绝为您服务。');
    expect(but).toMatchObject({ severity: 'info' });
    // Swapping or dropping 但是 leaves a sentence that still contradicts: the advice has no one-click fix.
    expect(but?.fix).toBeUndefined();
    expect(rejection).toMatchObject({ severity: 'error' });
  });
});

describe('a polite refusal (an apology or "for now", then an alternative) is not a flat one', () => {
  const categories = (draft: string): string[] => lint(draft).map((f) => f.category);

  it.each([
    '很抱歉这个暂时没法改，我帮您申请一张10元无门槛券作为补偿可以吗？',
    '不好意思，这个颜色目前做不了，可以给您换成同款黑色吗？',
    "Sorry, I can't change the date for now, but I can offer you a full travel credit.",
  ])('%s', (draft) => {
    expect(categories(draft)).not.toContain('refusal');
  });

  it.each([
    // No apology: still blunt.
    '做不了，但是可以给您退差价。',
    // The alternative named is the refused thing itself, in the same clause.
    '抱歉我不能直接给您取消',
    // An apology, and no alternative.
    "Sorry, I can't do that.",
  ])('still flags %s', (draft) => {
    expect(categories(draft)).toContain('refusal');
  });
});

describe('advice against sharing in a long English clause', () => {
  it('reads "never" a few words before the secret', () => {
    expect(lint('We never ask for your PIN or full card number in chat, if anyone does please report it.')).toEqual([]);
  });
});

describe('a measure word that describes a thing is no promise', () => {
  it.each([
    '亲，这款手机壳是100%硅胶材质的，摸起来软软的',
    'The packaging is 100% recyclable, by the way.',
    'The mattress is made with 100% natural latex.',
    "I'd definitely recommend checking the size chart first.",
    'This jacket is definitely one of our warmest.',
  ])('%s', (draft) => {
    expect(summary(draft).filter((f) => f.startsWith('absolute_promise'))).toEqual([]);
  });

  it.each([
    '跟您讲，退款三天内百分百入账',
    'It is definitely going to arrive tomorrow.',
    "It'll arrive tomorrow for sure, a hundred percent.",
    'You will definitely get it by Friday.',
  ])('one that vouches for an outcome is: %s', (draft) => {
    expect(summary(draft).some((f) => f.startsWith('absolute_promise'))).toBe(true);
  });
});

describe('owning our own mistake is no contradiction', () => {
  it('是我们这边把您的会员等级算错了', () => {
    expect(summary('不好意思，是我们这边录入的时候把您的会员等级算错了，已经修正好了')).toEqual([]);
  });

  it('telling the customer they got it wrong still is', () => {
    expect(summary('您把会员等级算错了').some((f) => f.startsWith('contradiction'))).toBe(true);
  });
});

describe('more words around a hit that change it', () => {
  it.each([
    ['advice with "definitely"', 'Quick tip: definitely switch on Find My first thing when you get the phone back.'],
    ['a condition about the goods', '如果收到的颜色不对，您拍张照发过来，我们这边包退换。'],
    ['whoever asks, never give it', '不管是谁打电话找您要短信验证码，都绝对不要给哦。'],
    ['a reading that shows 100%', '换完后电池健康度显示100%是正常现象。'],
    [
      'a refusal with a booking offered instead',
      '今天的时段已经约满了，没法安排今天送达，很抱歉～我帮您预约明天最早的一档，可以吗？',
    ],
    ['a report of what the agent cannot see', "Hmm, I can't see the photo on my side yet, could you attach it again?"],
  ])('%s', (_kind, draft) => {
    expect(summary(draft)).toEqual([]);
  });

  it.each([
    ['a promise with "definitely"', 'This will definitely fix it for good.'],
    ['telling the customer they are wrong', '您说的不对，我们从来没有收过您的退货。'],
    ['asking for the code', '把短信验证码发给我一下。'],
  ])('still reported: %s', (_kind, draft) => {
    expect(summary(draft).length).toBeGreaterThan(0);
  });
});

describe('offering the customer something in a short question is no rhetorical question', () => {
  it.each(['want their #?', 'need the link?', 'do you want the pickup address?'])('%s', (sentence) => {
    expect(isConsultingQuestion(sentence)).toBe(true);
  });

  it.each(['want a refund or not? make up your mind', 'do you even want this fixed?'])('not: %s', (sentence) => {
    expect(isConsultingQuestion(sentence)).toBe(false);
  });
});

describe('sentences the learned reader flags that their words excuse', () => {
  // Each reader of a sentence, with sentences it must read as its kind and sentences it must not.
  const readers: Array<[string, (sentence: string) => boolean, string[], string[]]> = [
    [
      'checking what the customer said, or asking for a fact, is no rhetorical question; belittling stays one',
      isPlainQuestion,
      [
        '好的，跟您确认一下，收货地址是杭州西湖区那个对吧？',
        '您的意思是两件都要换成m码，是吗？',
        'which email did you sign up with?',
        '您说的“买一送一”是在直播间看到的吗？',
        '您提到的优惠价是从哪个页面看到的吗？',
        '您要退的是上周三下单的那笔吗？',
        '信用卡末四码是5678那张吗？',
      ],
      [
        '你是说你看不懂说明书吗？',
        '你说的这些有用吗？',
        'what did you expect for that price?',
        "so you mean you didn't even read the terms?",
      ],
    ],
    [
      'agreeing contradicts nobody, unless a "but" or a "wrong" follows',
      isAgreement,
      ['对的，您理解得没错，积分下月清零', "you're absolutely right, the label says 40 not 42."],
      ['是的，但是您理解错了'],
    ],
    [
      'a promise of the agent’s own effort vouches for no outcome',
      isEffortPromise,
      ['您放心，这件事我一定盯着，有消息第一时间回复您', 'i will definitely follow up with the warehouse tomorrow'],
      ['我一定跟进，保证明天退款到账'],
    ],
    [
      'asking which option or time suits the customer is no rhetorical question; belittling stays one',
      isPreferenceQuestion,
      [
        'do you think the oak or walnut finish would suit your room better?',
        'would saturday morning work for you?',
        'which day works best for you?',
        'do you think saturday morning would work for the fitting?',
        '您看周六哪个时段比较方便？',
        '您更想要蓝色还是灰色呢？',
        '您觉得浅蓝色还是深蓝色比较好呢？',
        'did you want to pause the plan or just skip one delivery?',
      ],
      [
        'do you really think that would work for you?',
        'did you even want it or not?',
        'do you want to keep arguing or let me fix it?',
        'do you want me to spell it out or what?',
        'do you think we can just refund everyone?',
        '您是没看到还是不想看？',
      ],
    ],
    [
      'naming who handles a matter, then handing it over oneself, sends nobody away',
      isHandedOver,
      [
        " i've passed your case to priya there, and she'll email you by 4pm.",
        '，我已经帮您把单子转过去了',
        ' let me loop them in now.',
      ],
      [' you can call them on 400-800.', '，您自己联系他们吧', '，我也没办法联系他们'],
    ],
    [
      'a request for a secret names one: a password, a code, a number, a card',
      namesASecret,
      [
        '把短信里那串6位数发我一下',
        '钱包助记词发我一下',
        'pls send ur pasword',
        'read me the code',
        '您平时穿多大码？',
      ],
      ["what's your usual fit?"],
    ],
    [
      'a certainty named only to be denied is a hedge, no promise',
      isHedgedSentence,
      [
        "i can't say for sure when the venue will announce the new date.",
        '这个我没法百分百保证',
        "i can't promise the parts will definitely be in stock by monday",
        '没法保证这批货明天一定能到',
      ],
      ['it will definitely arrive tomorrow.', '我保证明天一定到'],
    ],
  ];

  it.each(readers)('%s', (_kind, reads, yes, no) => {
    for (const sentence of yes) expect(reads(sentence), sentence).toBe(true);
    for (const sentence of no) expect(reads(sentence), sentence).toBe(false);
  });

  it('asking for a document with the secret hidden asks for no secret', () => {
    expect(isMaskedRequest('麻烦拍一下银行卡正面，卡号中间几位可以遮住哈')).toBe(true);
    expect(isMaskedRequest('please cover all but the last 4 digits before you send it')).toBe(true);
    expect(isMaskedRequest('把卡号发我一下')).toBe(false);
  });
});

describe('hedges, limits of what the agent can vouch for, and steps the agent takes are no finding', () => {
  it.each([
    "I'm not 100% certain the L805 takes the same ink, so let me confirm with our tech team.",
    "I can't say for sure when the venue will announce the new date; I'll add you to the list.",
    "I'm not able to confirm an exact delivery time; drivers usually arrive between 2 and 6 pm.",
    '我们没办法保证每颗榴莲都是满肉，这是水果的天然差异；果肉不到三房的话，可以申请部分退款',
    '别的平台上的票我们没法核验真假，建议您只在官方授权渠道购买',
    "I'm not sure yet whether the courier can deliver before Friday. Let me check with them and get back to you.",
    '核對身分只需要您信用卡的末四碼就可以了,完整卡號不用提供',
    '打印机的密码不用告诉我哈，您自己输入就可以',
    '两款样砖已经寄出了，到了您自己看看哪个颜色更配客厅',
    "I'm not able to move the delivery date on an order that has already left our warehouse, though I can arrange a pickup point near you.",
    '师傅那边排期比较满，没法保证周六上午一定能上门，我帮您约了周六全天，到时候师傅会提前电话联系',
    "I can't promise the replacement will definitely ship before the holiday; I've flagged it as urgent.",
  ])('%s', (draft) => {
    expect(summary(draft)).toEqual([]);
  });

  it.each([
    ['保证三天内到，百分之百没问题', 'absolute_promise'],
    ['不能保证，但一定帮您催到', 'absolute_promise'],
    ['I guarantee it will arrive tomorrow', 'absolute_promise'],
    ['这个我们不负责，你找他们去', 'shirking'],
    ['把您的支付密码告诉我一下', 'sensitive_request'],
    ['说明书上都写了，您自己看', 'impatience'],
    ["I'm not able to move the delivery date on an order that has already left our warehouse.", 'refusal'],
  ])('still a finding without the hedge or the step: %s', (draft, category) => {
    expect(lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('a conclusion not drawn yet, and a secret the customer is told to take back, are no finding', () => {
  it.each([
    '报名能不能赶上，我这边没法提前给您下结论，建议您今天先提交',
    '会不会过敏我们没法下这样的结论，成分表里有花生，建议谨慎',
    '截图上能看到您完整的身份证号，为了安全建议先撤回',
  ])('%s', (draft) => {
    expect(summary(draft)).toEqual([]);
  });

  it.each([
    ['这个我没法给您退', 'refusal'],
    ['麻烦把完整的身份证号发给我', 'sensitive_request'],
    ['把完整卡号发我，我核对完就删除', 'sensitive_request'],
  ])('still: %s', (draft, category) => {
    expect(summary(draft).map((finding) => finding.split(':')[0])).toContain(category);
  });
});
