// Round 10 kinds of detection: a message meant for someone else needs no scenario, a condition after the need leaves the
// need to speak, and praise beside something gone wrong is a complaint. Variants of our own, not the dev set's rows.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { isAside } from '../../engine/detect-aside.ts';
import { createEngine } from '../../engine/index.ts';
import { normalizeForMatch } from '../../engine/normalize.ts';

const engine = createEngine(DEFAULT_PACKS);
const first = (message: string) => engine.detect(message).scenarios[0]?.id ?? 'none';

describe('a message meant for someone else', () => {
  it.each([
    '老婆你看到我的银行卡没',
    '爸 你把充电器放哪了',
    '妈妈，你帮我拿一下快递',
    'mum did you take my card',
    'oops wrong window, ignore that',
    'sorry my kid was typing on my phone',
    '不好意思发错窗口了',
  ])('needs no scenario: %s', (message) => {
    expect(isAside(normalizeForMatch(message))).toBe(true);
    expect(first(message)).toBe('none');
  });

  it.each(['我妈妈的订单还没发货', '我老公买的鞋子想退', 'my mom ordered this and it arrived broken'])(
    'a family member named in the customer’s own story is no aside: %s',
    (message) => {
      expect(isAside(normalizeForMatch(message))).toBe(false);
    },
  );
});

describe('a condition after the need', () => {
  it('reads the need before "if": cancelling, not a shipping delay', () => {
    expect(first('please cancel my order if it has not been shipped yet')).toBe('order_change');
  });
});

describe('praise beside something gone wrong', () => {
  it.each(['wow great quality, the mug arrived cracked', '真棒啊 收到的牛奶都过期了'])(
    'is a complaint: %s',
    (message) => {
      expect(first(message)).toBe('complaint');
    },
  );

  it('plain praise stays praise', () => {
    expect(first('你们客服太棒了，问题解决得很快')).toBe('praise');
  });
});

describe('a pause to fetch something, whom the customer asks for, a typo taken back', () => {
  it.each([
    'brb getting the delivery slip',
    'one sec, digging out the receipt',
    'hang on let me find the booking email',
    "I'll ask my husband and get back to you",
    '等一下 我找找订单截图',
    '帮我妹妹问的',
    '我同事让我来问一下',
    'sorry typo, ignore that',
  ])('needs no scenario: %s', (message) => {
    expect(first(message)).toBe('none');
  });

  it.each([
    ['hang on, you charged me twice for this', 'return_refund'],
    ['帮我妹妹问的 她的退款什么时候到', 'return_refund'],
    ['hold on, look at my order, you sent the wrong size', 'order_change'],
    ['let me ask you something, where is my refund', 'return_refund'],
  ])('asks once it says what: %s', (message, scenario) => {
    expect(engine.detect(message).scenarios.map((s) => s.id)).toContain(scenario);
  });
});

describe('a pause followed by what went wrong', () => {
  it('is a scenario, not a pause', () => {
    expect(first('等一下 我查了物流显示已签收 但我没收到')).toBe('shipping_delay');
  });
});
