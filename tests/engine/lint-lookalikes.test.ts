// Drafts that look like flawed ones and are not (a turn to an offer, effort the agent controls, a warranty, a limit of knowing, blame denied), and their flawed neighbours that still get a warning.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.ts';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { isConfirmationTag, isOwnershipSentence, isOwnSlip, isQuestionBeforeOffer } from '../../engine/lint-context.ts';

const engine = createEngine(DEFAULT_PACKS);
const rulesOn = (draft: string) => engine.lint(draft).map((finding) => finding.ruleId);

describe('look-alikes that stay clean', () => {
  it.each([
    '很抱歉，这个套餐目前没办法线上降档，不过我可以帮您预约下个月生效，您看可以吗？',
    '抱歉，這個票種已經售完了，不過明天中午會再釋出一批喔',
    '这个面霜敏感肌可以用，不过建议先在耳后试用一下哈',
  ])('"不过" turning to an offer, advice or good news: %s', (draft) => {
    expect(rulesOn(draft).filter((id) => id.includes('contradiction'))).toEqual([]);
  });

  it.each([
    '我一定会帮您跟进到底，有进展马上告诉您',
    '我这边一定会把您的建议反馈给产品团队',
    '开尔文是绝对温度的单位哈',
  ])('effort the agent controls, or a word holding 绝对: %s', (draft) => {
    expect(rulesOn(draft).filter((id) => id.includes('absolute_promise'))).toEqual([]);
  });

  it.each([
    "I can't find any charge from March 3 on your account. Could you share the last 4 digits of the card?",
    "I'll definitely pass your feedback to the menu team, thanks for writing it up.",
  ])('English: %s', (draft) => {
    expect(rulesOn(draft).filter((id) => id.startsWith('en.'))).toEqual([]);
  });
});

describe('look-alikes read by their context (engine/lint-context.ts)', () => {
  it.each([
    ['加急这边弄不了，不过您可以在订单页选顺丰，差价我们来出', 'a refusal turned with 不过 to advice and our offer'],
    ["I'm unable to waive the fee, though I can split it over two bills.", 'a refusal turned with "though I can"'],
    ['优惠券不支持叠加哈，不过如果是质量问题，运费会全额退给您', 'a policy, then good news under a condition'],
    ['大码暂时缺货，不过黑色还有现货', 'sold out, then what is still there'],
    [
      "Delivery is handled by the courier, but I'll call them myself today.",
      '"but" turning to the agent\'s own commitment',
    ],
    [
      'Every kettle has a 12-month guarantee, so just send us a photo if it stops heating.',
      'a guarantee the goods come with',
    ],
    [
      "It's impossible to say from this photo whether the seal is broken; could you send another?",
      'a limit of knowing',
    ],
    ["It isn't your fault — the coupon expired a day early on our side.", 'blame denied'],
    ['您是说收到的是蓝色不是灰色，对吗？', 'checking what the customer said'],
    ['这个暂时改不了，不过我可以先帮您开通一个临时套餐', 'an offer with 先 before it'],
    ['我们绝不会主动索要验证码，请勿告诉任何人', 'what we never ask for'],
    ['未必能今天到，我帮您催一下', '未必 is no 必'],
  ])('%s (%s)', (draft) => {
    expect(rulesOn(draft)).toEqual([]);
  });
});

describe('what still gets its warning', () => {
  it.each([
    ['您说的不对，不过我可以帮您看看', 'zh.contradiction.dan-shi'],
    ['这个规定就是这样，不过你要是不满意可以投诉', 'zh.contradiction.dan-shi'],
    ['放心，明天一定能送到', 'zh.absolute_promise.jue-dui'],
    ['这个我们绝对不会再出问题了', 'zh.absolute_promise.jue-dui'],
    ['做不了，但是可以给您补个券', 'zh.refusal.zuo-bu-liao'],
    ['这个不支持退货，不过如果超过七天就更不能退了', 'zh.contradiction.dan-shi'],
    ['I guarantee it will arrive tomorrow.', 'en.absolute_promise.guaranteed'],
    ["I can't tell you that.", 'en.refusal.cant'],
    ["That's your fault for entering the wrong address.", 'en.impatience.already-said'],
    ['你是说你看不懂说明书吗？', 'learned.rhetorical'],
    // Families widened in round 8, each with a variant of our own.
    ['您直接问房东去呗，这个我们不负责', 'zh.shirking.zhao-bie-ren'],
    ['我们客服也不负责这一块的', 'zh.shirking.bu-gui-wo-guan'],
    ['是没看到短信还是没打开链接呢？', 'zh.rhetorical.bu-hui-zi-ji-kan'],
    ['您别再打过来了', 'zh.rejection.ju-jue-fu-wu'],
    ['明早十点前必达', 'zh.absolute_promise.jue-dui'],
    ['付款前就该问清楚的呀', 'zh.impatience.ze-guai'],
    ['现在讲这个有什么用', 'zh.impatience.yi-jing-shuo-guo'],
    ['吊打隔壁那家', 'zh.competitor_disparage.bie-jia'],
    ["Like I've already explained, the refund is on its way.", 'en.impatience.already-said'],
  ])('%s', (draft, rule) => {
    expect(rulesOn(draft)).toContain(rule);
  });
});

describe('round 10 kinds: what an agent disowns, describes, admits or holds off, and what still gets its warning', () => {
  it.each([
    '我从来不会跟您说这不是我们的事，我来跟进到底',
    'I would never tell you to calm down, I get why this is frustrating.',
    '这件外套是百分百羊毛的，建议干洗',
    '这款枕套百分之百真丝，洗的时候放洗衣袋哈',
    '尺码的确不对，实在抱歉，马上给您补寄一件',
    "We won't mark this as resolved until the new charger reaches you.",
    "Have you received the replacement yet? If not, I'll chase the courier today.",
    "You're right, we sent the wrong colour. I've arranged a swap already.",
  ])('clean: %s', (draft) => {
    expect(rulesOn(draft)).toEqual([]);
  });

  it.each([
    ['You read the schedule wrong, the class is on Friday.', 'contradiction'],
    ['说明书上不是写得很清楚吗？', 'rhetorical'],
    ['这个我们不换的哦', 'refusal'],
    ['The stuff from that outlet is pure junk.', 'competitor_disparage'],
    ['百分百能在周五前送到', 'absolute_promise'],
    ['百分百纯正品，放心', 'absolute_promise'],
    ["I won't refund that, sorry.", 'refusal'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('round 11 kinds: questions with an offer for either answer, confirmations, slips, ownership, products and third parties', () => {
  it.each([
    '您是送人用吗？送人的话我可以帮您加一个礼盒，不另收费',
    'Are you planning to mount it yourself? If not, we can book an installer for Saturday.',
    '您说的“开不了机”，是指按电源键没反应吗？',
    '您下单的是白色这款对吗？我这边核对一下库存',
    '抱歉刚才地址发错了，正确的是下面这个',
    'Sorry, I pasted the wrong link, here is the right one.',
    '这件事由我来跟进处理，您不用再去找其他部门了',
    '这台烤箱做不了发酵功能，想做面包的话推荐您看看带发酵档的型号',
    "The courier will reach you after his next customer, around four o'clock.",
    '快递小哥说送完下一位客户就过来，大概二十分钟',
    'This diffuser is designed to help you calm down after a long day.',
    "Sorry, this size is sold out; however, there's a restock on Monday and I can hold one for you.",
    "Sorry, I can't change the delivery slot from here. You can pick a new one in the courier app.",
  ])('clean: %s', (draft) => {
    expect(engine.lint(draft)).toEqual([]);
  });

  it.each([
    ['您是不会看说明书吗？', 'rhetorical'],
    ['是您自己填错了地址，这个不能怪我们', 'impatience'],
    ['这款产品做不了退货', 'refusal'],
    ['我们还有下一位客户在等，您的问题就这样吧', 'rejection'],
    ['Calm down, I am checking it.', 'impatience'],
    ["I can't change that.", 'refusal'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('round 11 families: what a tired agent says in other words', () => {
  it.each([
    ['我之前不是跟您说过了吗？要先拍照', 'rhetorical'],
    ['您自己不会先查一下物流吗', 'rhetorical'],
    ['您拍之前都不问一下尺码的吗', 'rhetorical'],
    ['是不是您自己不小心摔坏的呢', 'impatience'],
    ['看你这说的，充电器都没插当然不亮', 'impatience'],
    ['我还得去接待别的客人，您的问题就先这样吧', 'rejection'],
    ['以后您的单我们这边也不接了', 'rejection'],
    ['这种要求我们满足不了', 'refusal'],
    ['这个您自己跟快递协商一下吧', 'shirking'],
    ["Honestly I'm done dealing with you.", 'rejection'],
    ['Next time measure the wall before buying a shelf this big.', 'impatience'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });

  it.each([
    '您不会看到两笔扣款，重复的那笔会自动退回',
    '之前不是所有型号都支持快充，您这款是支持的',
    '我们会跟快递协商赔偿，您等我消息就好',
    '很抱歉暂时满足不了这个配色，不过我可以帮您登记到货提醒',
  ])('clean: %s', (draft) => {
    expect(engine.lint(draft)).toEqual([]);
  });
});

describe('round 11 kinds keep to what they excuse', () => {
  it.each([
    ['这款产品做不了退货', 'refusal'],
    ['其他客户还在等，下一位', 'rejection'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });

  it('reads a negated slip, a refused responsibility and a borrowed tag as no excuse', () => {
    expect(isOwnSlip('抱歉,我们并没有算错,价格就是这样')).toBe(false);
    expect(isOwnershipSentence('这不是我负责的,不用问我,去问快递')).toBe(false);
    expect(isOwnershipSentence('这事我处理不了,您不用再找我了')).toBe(false);
    expect(isConfirmationTag('我早就告诉过您了,不是吗?', true)).toBe(false);
    expect(isConfirmationTag('that is the copyright?')).toBe(false);
  });

  it('takes an offer in any form of "I will", and never "I can\'t"', () => {
    expect(isQuestionBeforeOffer('do you need it by friday?', "if so, i'll upgrade the shipping for free")).toBe(true);
    expect(isQuestionBeforeOffer('did you read the manual?', "if not, i can't help you.")).toBe(false);
  });
});

describe('round 11, second dev set: quoted labels, unseen secrets, apologies after the refusal', () => {
  it.each([
    "The box says 'Unbreakable Glass', that is the product line's name, the glass itself is tempered.",
    "You wrote 'the promo said 100% cashback' - yes, the cashback is on its way to your wallet.",
    '客服这边没有办法看到您的银行卡密码，请放心',
    "We won't be able to move your delivery slot since the courier plans the route, sorry about that. I can ask them to call you before they arrive?",
  ])('clean: %s', (draft) => {
    expect(engine.lint(draft)).toEqual([]);
  });

  it.each([
    ["I can't change it, it's 'company policy'.", 'refusal'],
    ['我们没有办法帮您改地址', 'refusal'],
    ["We won't move it.", 'refusal'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('round 11 families, second dev set', () => {
  it.each([
    ['不要再一直发消息了，我在看', 'impatience'],
    ['我还有别的客户要回，先这样', 'rejection'],
    ['您的咨询就到这里吧', 'rejection'],
    ['本店不欢迎恶意退款的顾客', 'rejection'],
    ['是您安装的方式不对，不是产品问题', 'impatience'],
    ['哪有用了半年还要求全额退款的道理', 'rhetorical'],
    ['这个跟我们这边无关哦', 'shirking'],
    ['这个事轮不到我处理', 'shirking'],
    ['隔壁那家的面包难吃得很', 'competitor_disparage'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('round 11 families keep to what they flag', () => {
  it.each([
    '我们怎么会不欢迎您这样的顾客呢',
    '我已经通知仓库不要再发了',
    '没关系，您想好了再说，我一直在',
    '本次咨询就到这里了，祝您生活愉快',
  ])('clean: %s', (draft) => {
    expect(engine.lint(draft)).toEqual([]);
  });

  it.each([
    ["We won't refund it, that is final at the moment. You can complain to the courier.", 'refusal'],
    ['我们处理不了您看下密码对不对', 'refusal'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('an apology after a refusal softens it only from a clause of its own', () => {
  it('keeps a refusal that a pasted reply runs on from', () => {
    expect(
      engine.lint('我不能帮你处理很抱歉商品没能让您满意。请提供一下订单号，我尽快为您处理。').length,
    ).toBeGreaterThan(0);
  });
});

describe('"I already said" or a message passed on to someone else (a step taken), or said to the customer (impatience)', () => {
  it.each([
    '仓库那边我已经说过了，打包时会多放两个冰袋',
    '我已经跟快递讲过了，明天上午给您送到',
    'As I mentioned to the warehouse team, your order needs extra ice packs, and they have confirmed.',
    'I asked the courier not to ring the bell again.',
  ])('clean: %s', (draft) => {
    expect(engine.lint(draft)).toEqual([]);
  });

  it.each([
    ['我都跟你说过了，往上翻翻', 'impatience'],
    ['我已经说过了，仓库不发货就是不发', 'impatience'],
    ['As I mentioned, the plan is $29. Please read it again.', 'impatience'],
    ['我跟仓库说了，您别再催了', 'impatience'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('round 13: what the customer said taken up, and a limit of what the agent can find', () => {
  it.each([
    "As you already said, the parcel arrived wet, so I've approved a full replacement.",
    '您刚才已经说过了，我记下了，马上帮您登记',
    "I can't find an order under that email. Could you check whether you used a different one?",
    '我这边查不到这个单号，麻烦您核对一下是不是别的手机号下的单',
  ])('clean: %s', (draft) => {
    expect(engine.lint(draft)).toEqual([]);
  });

  it.each([
    ["I can't find a way to refund that.", 'refusal'],
    ["I can't find your order and I can't refund it anyway.", 'refusal'],
    ['As I already said, no refunds.', 'impatience'],
    ['您自己已经说过了还问什么', 'impatience'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('round 13: said to the customer is not said by the customer', () => {
  it.each([
    ['跟你说了多少次了，要先申请售后。', 'impatience'],
    ['和您讲过了，这个要先申请', 'impatience'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('round 13 exceptions keep to what they excuse', () => {
  it.each([
    ['我跟主管说过了 别再问了', 'impatience'],
    ['这个和快递没关系 说了多少遍了', 'impatience'],
    ["I can't find a reason to give you a refund.", 'refusal'],
    ["We won't locate a replacement for this model.", 'refusal'],
    ['thank you I already said that', 'impatience'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});

describe('round 13: advice not to share a secret, and a secret the agent cannot see', () => {
  it.each([
    "Please don't paste your full card number here. Refunds go back to the original payment method automatically.",
    "We never share your payment details with anyone, and our agents can't see your full card number.",
    '密码不要发给任何人，我们客服不会问您要',
  ])('clean: %s', (draft) => {
    expect(engine.lint(draft)).toEqual([]);
  });

  it.each([
    ['Please send me your full card number.', 'sensitive_request'],
    ["I can't proceed without your full card number.", 'sensitive_request'],
    ['不要告诉别人，直接发我你的密码', 'sensitive_request'],
  ])('flagged: %s (%s)', (draft, category) => {
    expect(engine.lint(draft).map((f) => f.category)).toContain(category);
  });
});
