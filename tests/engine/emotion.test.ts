// Customer emotion from words and punctuation.
import { describe, expect, it } from 'vitest';
import { bundledCueLists, installCueLists } from '../../engine/cue-lists.ts';
import { shapesOf } from '../../engine/emotion-shapes.ts';
import { detectEmotion, emotionGivenScenario, isCourteous } from '../../engine/emotion.ts';
import { expandShorthand } from '../../engine/shorthand.ts';
import { normalizeForMatch } from '../../engine/normalize.ts';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createEngine } from '../../engine/index.ts';

// One engine for the tests that read whole messages: building one per case costs a second each.
const sharedEngine = createEngine(DEFAULT_PACKS);

describe('detectEmotion', () => {
  it.each([
    '垃圾客服',
    '你们就是骗子',
    '我要投诉你们',
    '为什么还不处理!!!',
    '什么破服务',
    '你們這群騙子',
    'WHY IS THIS STILL NOT FIXED',
    'you idiots charged me twice',
    'this is unacceptable',
  ])('reads %s as angry', (text) => {
    expect(detectEmotion(text)).toBe('angry');
  });

  it.each([
    '急急急,明天就要用',
    '赶紧帮我处理一下',
    '怎么办啊',
    '马上要出门了能快点吗',
    '到底什么时候发货???',
    '很急,拜託快點',
    'need this asap',
    'where is it??',
    '退款申请三天了',
  ])('reads %s as anxious', (text) => {
    expect(detectEmotion(text)).toBe('anxious');
  });

  it.each([
    '我没生气,就是问问什么时候发货',
    '你好,想咨询一下价格',
    '谢谢',
    '好的再见',
    'thanks, have a nice day',
    'Can I change my address?',
    'OK',
    '不是投诉,只是建议',
    '我是 SKU-88 的买家',
  ])('reads %s as calm', (text) => {
    expect(detectEmotion(text)).toBe('calm');
  });

  it('reads an apology as calm even when it repeats the words of the quarrel, unless it shouts', () => {
    expect(detectEmotion('抱歉刚才骂了你,我太着急了')).toBe('calm');
    expect(detectEmotion('sorry I was rude before')).toBe('calm');
    expect(detectEmotion('对不起有什么用!!!')).toBe('angry');
  });

  it('does not take a word that merely contains a cue for the cue', () => {
    // "客服了" contains 服了, "html" contains tm, "scampi" contains scam.
    expect(detectEmotion('你是最好的客服了')).toBe('calm');
    expect(detectEmotion('the html page')).toBe('calm');
    expect(detectEmotion('do you sell scampi')).toBe('calm');
  });
});

describe('emotionGivenScenario', () => {
  it('reads insults as anger whatever the words say', () => {
    expect(emotionGivenScenario('calm', 'angry_abusive')).toBe('angry');
    expect(emotionGivenScenario('anxious', 'angry_abusive')).toBe('angry');
  });
  it('gives calm words the mood of a complaint-type or outage scenario', () => {
    expect(emotionGivenScenario('calm', 'ask_supervisor')).toBe('angry');
    expect(emotionGivenScenario('calm', 'service_outage')).toBe('anxious');
    expect(emotionGivenScenario('anxious', 'complaint')).toBe('anxious');
  });
  it('leaves other scenarios, abstentions and unknown pack scenarios to the words', () => {
    expect(emotionGivenScenario('calm', 'thanks')).toBe('calm');
    expect(emotionGivenScenario('calm', undefined)).toBe('calm');
    expect(emotionGivenScenario('calm', '__proto__')).toBe('calm');
    expect(emotionGivenScenario('calm', 'team.custom')).toBe('calm');
  });
});

describe('emotion read from how a message is written', () => {
  it.each([
    'Where. Is. My. Order.',
    'I pressed pay again and NOTHING.',
    '这已经是第三次收到破损的了',
    'the app crashed 4 times today during checkout',
    '你们客服是集体放假了吗 一下午没人回',
  ])('angry: %s', (message) => {
    expect(detectEmotion(message)).toBe('angry');
  });

  it.each([
    '我妈明天一早就要用 还没发货',
    'can it get here by friday? it is a gift for my sister',
    "got a login code I didn't request",
  ])('anxious: %s', (message) => {
    expect(detectEmotion(message)).toBe('anxious');
  });

  it.each(['这已经是我第三次回购了，质量一直很好', 'Need the GSTIN on the invoice please', 'Is the XXL in stock?'])(
    'calm: %s',
    (message) => {
      expect(detectEmotion(message)).toBe('calm');
    },
  );
});

describe('round 10 kinds of worry and contempt, in words of our own', () => {
  it.each([
    'the voucher closes at midnight and it still says invalid',
    'my train leaves in 40 mins and the ticket wont load',
    '优惠券今晚10点就到期了 还是用不了',
    'did i just get scammed? there is a payment i never saw',
    '账号登不上 余额怕是找不回来了',
    'please please can someone look at this',
    'i was in hospital all week and missed the return date',
  ])('anxious: %s', (message) => {
    expect(detectEmotion(message)).toBe('anxious');
  });

  it.each(['ffs not again', '这也太扯了吧，好扯', 'charged me twice. classy'])('angry: %s', (message) => {
    expect(detectEmotion(message)).toBe('angry');
  });

  it('reads a two-character cue only as a word of its own (妈的 is not in 给我妈的药)', () => {
    expect(detectEmotion('包裹会不会丢了啊 里面是给我妈的药')).toBe('anxious');
    expect(detectEmotion('妈的 又坏了')).toBe('angry');
  });

  it('a customer who says they are not complaining is calm', () => {
    expect(detectEmotion('我不是要投诉，就是问问运费谁出')).toBe('calm');
  });
});

describe('round 11 kinds: politeness, giving up, threats, what is at stake', () => {
  const engineOf = createEngine(DEFAULT_PACKS);
  it.each([
    ['能帮我转一下主管吗 谢谢', 'calm'],
    ['just wanted to let you know the courier left my parcel in the rain, it is fine though', 'calm'],
    ['不是针对你 就是觉得上次那个客服说的不对', 'calm'],
    ['算了 说了也白说 我自己找平台', 'angry'],
    ["forget it, i'll sort it myself", 'angry'],
    ['再不处理我就去信用卡那边做chargeback了', 'angry'],
    ['不处理就给差评', 'angry'],
    ['这台电脑坏了我下个月房租都成问题', 'anxious'],
    ['my sister’s wedding is on the 12th and the dress still has not shipped', 'anxious'],
    ['下礼拜就是毕业典礼了 相机还没到', 'anxious'],
    ['the laptop died and my whole business runs on it', 'anxious'],
  ])('%s → %s', (message, emotion) => {
    expect(engineOf.detect(message).emotion).toBe(emotion);
  });
});

describe('plain words of anger and worry', () => {
  it.each([
    ['i am furious, this is the second broken one', 'angry'],
    ['honestly livid right now, where is my order', 'angry'],
    ['我真的很生气 你们到底管不管', 'angry'],
    ["i'm so stressed, the package has my passport in it", 'anxious'],
    ['看到扣款通知我心慌 这是怎么回事', 'anxious'],
  ])('%s → %s', (message, emotion) => {
    expect(detectEmotion(message)).toBe(emotion);
  });
});

describe('round 11 cues keep to their meaning', () => {
  it.each([
    'my apartment is on the 12th floor, can the courier carry it up',
    'how long does the battery last?',
    "please don't forget it's a gift",
    'what are you wearing rn',
  ])('%s is not read as anger or worry', (message) => {
    expect(detectEmotion(message)).toBe('calm');
  });

  it("reads an insult about the agent's question as one", () => {
    expect(sharedEngine.detect('what a stupid question, read my message').emotion).toBe('angry');
  });
});

describe('round 11, second dev set: staying on, what depends on it, ultimatums, mild disappointment', () => {
  it.each([
    ['等一下 我去拿卡 别走啊', 'anxious'],
    ["hang on, getting the code, please don't close the chat", 'anxious'],
    ['这个药孕妇能吃吗 吃坏了可不是小事', 'anxious'],
    ['the promo ends in 15 min and checkout keeps failing', 'anxious'],
    ["my interview is on friday and the suit hasn't come", 'anxious'],
    ["i can't afford to lose that deposit", 'anxious'],
    ['one star review incoming', 'angry'],
    ['有点失望 盒子压坏了 东西还好', 'calm'],
    ['不着急 就问问快递到哪了', 'calm'],
    ['no rush, just checking where the parcel is', 'calm'],
  ])('%s → %s', (message, emotion) => {
    expect(sharedEngine.detect(message).emotion).toBe(emotion);
  });
});

describe('round 11 cues keep to chat and to threats', () => {
  it.each([
    ['颜色你们自己选就好，都可以', 'calm'],
    ['Please leave the parcel at the gate, thanks', 'calm'],
    ['能不能别走圆通，换顺丰', 'calm'],
    ['There are two blue ones in the photo, which one is it?', 'calm'],
    ['客服态度这么差，我能不着急吗', 'anxious'],
  ])('%s → %s', (message, emotion) => {
    expect(sharedEngine.detect(message).emotion).toBe(emotion);
  });

  it('reads goods that are thick as goods, not the agent as thick', () => {
    expect(sharedEngine.detect('The jacket is so thick, is there a lighter version?').scenarios[0]?.id).not.toBe(
      'angry_abusive',
    );
  });
});

describe('round 13: an apology takes back the anger, not the worry; a customer who says they are calm is taken at their word', () => {
  it.each([
    ['my bad for the caps earlier, just scared ill lose the deposit. is there still a way to sort it today', 'anxious'],
    ['抱歉刚才说话难听 孩子明天就要模考 资料还没到 我有点失控了 现在还有办法吗', 'anxious'],
    ['sorry for shouting, you guys are useless', 'calm'],
    ['不好意思刚才语气冲了，就是想问下退款到哪一步了', 'calm'],
    ['有点失望 盒子压坏了 东西还好', 'calm'],
    ['not angry just asking, the box came crushed and the lid is cracked', 'calm'],
  ])('%s → %s', (message, emotion) => {
    expect(sharedEngine.detect(message).emotion).toBe(emotion);
  });
});

describe('round 13: a feared consequence, said as a condition and the loss that follows', () => {
  it.each([
    ['发票这周还开不出来的话，这笔钱就得我自己垫了', 'anxious'],
    ['要是明天还收不到，我女儿的演出服就没了着落，只能取消演出了', 'anxious'],
    ['the voucher ends tonight, if it does not go through i lose the whole 50', 'anxious'],
    ['charged twice for the same mug, will i get it back?', 'anxious'],
    ['有货的话就帮我发顺丰', 'calm'],
    ['要是还没发货就帮我取消吧，发了就算了', 'calm'],
    ['does the code still work or did it expire yesterday?', 'calm'],
    ['Delivery on Monday or Tuesday is fine', 'calm'],
    ['方便的话就帮我看看会员什么时候过期', 'calm'],
    ['再来一单的话会过期吗', 'calm'],
  ])('%s → %s', (message, emotion) => {
    expect(detectEmotion(message)).toBe(emotion);
  });
});

describe('round 13: a clock running, with something hanging on it', () => {
  it.each([
    ['客服在吗 二十分钟后就要登机了 座位还没选上', 'anxious'],
    ['i need the invoice before 3pm or accounts will not pay it', 'anxious'],
    ['两小时后发货的话，明天能到吗', 'calm'],
    ['下单后48小时内要发货的吧？', 'calm'],
    ['两小时后开始发货吗', 'calm'],
    ['the parcel came by 5 yesterday, thanks', 'calm'],
  ])('%s → %s', (message, emotion) => {
    expect(detectEmotion(message)).toBe(emotion);
  });
});

describe('round 13: a time of day something hangs on, and calling out again and again', () => {
  it.each([
    ['还有人回吗 我四点半就得去接孩子了', 'anxious'],
    ['在吗在吗 退款那个怎么样了', 'anxious'],
    ['hello?? hello is anyone reading this', 'anxious'],
    ['喂喂 有人在线不？', 'calm'],
    ['你们几点下班呀', 'calm'],
  ])('%s → %s', (message, emotion) => {
    expect(detectEmotion(message)).toBe(emotion);
  });
});

describe('round 13: praise for a failure that came again, and words said again for weight', () => {
  it.each([
    ['lovely, another parcel that never arrived', 'angry'],
    ['客服真行，又让我等了一下午', 'angry'],
    ['refund. i said refund. not a coupon.', 'angry'],
    ['退款 退款 退款 说几遍了', 'angry'],
    ['great, thanks for the quick reply', 'calm'],
    ['can I order another one of the blue mugs?', 'calm'],
    ['哈哈哈哈哈哈哈哈哈哈 好的', 'calm'],
    ['谢谢谢谢谢谢谢谢谢', 'calm'],
    ['hahahahahaha', 'calm'],
    ['666666666', 'calm'],
    ['好的好的好的', 'calm'],
    ['bye. ok bye.', 'calm'],
    ['Great, thanks again for your help', 'calm'],
    ['你们服务真好，每次都很快', 'calm'],
  ])('%s → %s', (message, emotion) => {
    expect(detectEmotion(message)).toBe(emotion);
  });
});

describe('round 16: someone else on the account, a message that may not have arrived, a time plans hang on', () => {
  it.each([
    ['somebody else changed the phone number on my account last night', 'anxious'],
    ['someone changed the recovery email on my profile and i cant log in', 'anxious'],
    ['there is a purchase on my card i did not make, i didnt authorize this', 'anxious'],
    ['账号里多了两笔订单，不是我本人操作的', 'anxious'],
    ['我的会员好像被人盗用了，积分全没了', 'anxious'],
    ['the app says my message failed, can u see this one?', 'anxious'],
    ['你那边能收到我的截图吗', 'anxious'],
    ['we fly to lisbon tomorrow and the hotel voucher still hasnt come through', 'anxious'],
    ['the interview is on friday and the suit is still in transit', 'anxious'],
    ['my prescription has 3 days left, when does the refill ship', 'anxious'],
    ['can i change the email on my account to my work one', 'calm'],
    ['i left it at the front desk on friday', 'calm'],
    ['can you see the order notes i added?', 'calm'],
    ['热水器一直滴滴响 我怕是漏电了', 'anxious'],
    ['那个配电箱我不太敢碰', 'anxious'],
    ['明天一早的高铁 行李箱还没送到', 'anxious'],
    ['团购还剩两个小时 我同事的号能拼吗', 'anxious'],
    ['退回去的运费我可承担不起', 'anxious'],
    ['我怕麻烦，直接帮我换个颜色吧', 'calm'],
  ])('%s → %s', (message, emotion) => {
    expect(detectEmotion(message)).toBe(emotion);
  });
});

describe('round 16: a polite ask keeps calm words calm, and a temper denied is praise', () => {
  it.each([
    ['这个你权限不够我理解，帮我报给你们主管吧，不为难你', 'ask_supervisor', 'calm'],
    ['可以請你們主管跟我聯絡嗎', 'ask_supervisor', 'calm'],
    ['能不能帮我转给你们负责人', 'ask_supervisor', 'calm'],
    ["I'd like to speak with someone more senior about this", 'ask_supervisor', 'calm'],
    ['叫你们主管出来', 'ask_supervisor', 'angry'],
    ['get me your manager', 'ask_supervisor', 'angry'],
  ])('%s (%s) → %s', (message, scenario, emotion) => {
    const folded = normalizeForMatch(message);
    expect(emotionGivenScenario(detectEmotion(message), scenario, isCourteous(folded))).toBe(emotion);
  });

  it.each([
    ['你們客服講了好幾遍都沒有不耐煩 超讚', 'calm'],
    ['the agent was never rude, just slow', 'calm'],
    ['你们客服太不耐烦了', 'angry'],
  ])('%s → %s', (message, emotion) => {
    expect(detectEmotion(message)).toBe(emotion);
  });
});

describe('round 17: a sneer at quoted words, a question that accuses, giving up, an ask insisted on', () => {
  it.each([
    ["so much for 'next day delivery', it's been a week lol", 'angry'],
    ['the "waterproof" jacket soaked through in ten minutes. noted', 'angry'],
    ['页面上写着“正品保障”，所谓正品就这样？', 'angry'],
    ['换个密码还要我跑三趟，耍我是吧', 'angry'],
    ['合着我白等了一个月呗', 'angry'],
    ['打包的时候就不能认真点', 'angry'],
    ['到底修没修 给个说法', 'angry'],
    ['sale price showed for an hour then vanished, is that banner just there to get clicks', 'angry'],
    ['算了 不指望你们了', 'angry'],
    ['... really', 'angry'],
    ['a replacement. not a coupon. not a discount.', 'angry'],
    ['这不是我的问题 运费我不出', 'angry'],
    ['你到底想说啥 能不能说人话', 'angry'],
    ["I've told you this three times now, the order number is right there", 'angry'],
    ['问了四遍了还是这个答复', 'angry'],
    ['please pass me to someone senior, this has gone on long enough', 'angry'],
    ['what does "pending review" mean on my order?', 'calm'],
    ['算了算了 不买了也行 我再看看别的款', 'calm'],
    ['到底有没有小一号的', 'calm'],
    ['it says "dispatched" but there is no tracking yet, is that normal?', 'calm'],
    ['这个不是我的订单号吗？我再核对下', 'calm'],
    ['明天能发货是吧', 'calm'],
    ['pressed "reset" like you said, works now, cool thanks', 'calm'],
    ['包裹绕了一大圈才到，东西挺好', 'calm'],
    ['thanks. now can you check my other order', 'calm'],
  ])('%s → %s', (message, emotion) => {
    expect(detectEmotion(message)).toBe(emotion);
  });
});

describe('round 17: waiting counted in English, a loss at stake, a clock about to run out', () => {
  it.each([
    ['my refund is still pending after 3 weeks', 'anxious'],
    ['parcel stuck in customs for 10 days now, what do i do', 'anxious'],
    ['if i cancel now will i lose the deposit?', 'anxious'],
    ["we can't afford to lose that booking", 'anxious'],
    ['boarding in 15 and my e-ticket wont open', 'anxious'],
    ['deadline is friday and the certificate still has my old name', 'anxious'],
    ['it usually ships in 3 days right?', 'calm'],
    ['I used it for two weeks and it works great', 'calm'],
    ['what is the late fee if i return it after 30 days?', 'calm'],
    ['my course starts in 3 months, when do the books ship?', 'calm'],
    ['still processing, the site says it ships in 3 days?', 'calm'],
  ])('%s → %s', (message, emotion) => {
    expect(detectEmotion(message)).toBe(emotion);
  });
});

describe('cue lists installed from storage', () => {
  it('reads a list the stored value lacks as empty, and the others as given', () => {
    const bundled = bundledCueLists()!;
    try {
      installCueLists({ emotion: { sarcasm: ['呵呵', 42] }, shorthand: { thx: 'thanks', n: 7 } });
      expect(detectEmotion('呵呵 又是这样')).toBe('angry');
      expect(detectEmotion('你们就是骗子')).toBe('calm');
      expect(expandShorthand('thx u')).toBe('thanks u');
    } finally {
      installCueLists(bundled);
    }
    expect(detectEmotion('你们就是骗子')).toBe('angry');
    expect(expandShorthand('thx u')).toBe('thanks you');
  });

  it('reads the shapes of emotion from the installed lists, and counted shapes without them', () => {
    const bundled = bundledCueLists()!;
    const shapes = (text: string) => shapesOf(text, normalizeForMatch(text));
    try {
      installCueLists({ shapes: { 'time-ahead': ['friday', '周五'], _comment: ['not a shape'], 'Bad Name': ['x'] } });
      expect(shapes('need it by friday, been waiting for 3 days')).toEqual(['shape:time-ahead', 'shape:waited']);
      // A Latin word stands alone: "fridays" is not "friday"; a Chinese one is found inside a run.
      expect(shapes('open on fridays?')).toEqual([]);
      expect(shapes('下周五能到吗')).toEqual(['shape:time-ahead']);
      installCueLists({});
      expect(shapes('need it by friday!!')).toEqual(['shape:exclamations']);
    } finally {
      installCueLists(bundled);
    }
    expect(shapes('need it by friday')).toEqual(expect.arrayContaining(['shape:time-ahead', 'shape:time-limit']));
  });
});
