// Detection reads the structure of a message: conditions, negation, the clause that asks, sarcasm and small talk.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from '../../engine/default-packs.ts';
import { createEngine } from '../../engine/index.ts';

const engine = createEngine(DEFAULT_PACKS);
const top = (message: string): string | undefined => engine.detect(message).scenarios[0]?.id;

describe('the structure of a customer message', () => {
  it('reads a condition as the case, and what follows it as the need', () => {
    expect(top('要是还没寄出我就不要了')).toBe('order_change');
    expect(top('如果明天还没发货的话，帮我取消订单吧')).toBe('order_change');
  });

  it('reads a space between Chinese phrases as the end of a clause, so a negation stops there', () => {
    expect(top('我可没说要退 就问问什么时候到')).toBe('shipping_delay');
  });

  it('turns sarcastic praise or thanks into a complaint', () => {
    expect(top('wow, amazing service as always')).toBe('complaint');
    expect(top('真是谢谢你们了 又送错了')).toBe('complaint');
    expect(engine.detect('呵呵，这就是你们家的品质').emotion).toBe('angry');
    // Plain thanks stay thanks.
    expect(top('非常感谢你的耐心帮助')).toBe('thanks');
  });

  it('gives small talk that asks nothing no scenario', () => {
    for (const message of ['稍等我去拿个东西', '等下我找找截图', 'hold on, let me check', '打错字了 sorry']) {
      expect(engine.detect(message).scenarios, message).toEqual([]);
    }
  });

  it('gives an acknowledgement, or the fix of the customer’s own typo, no scenario; a goodbye or thanks keeps its own', () => {
    for (const message of ['嗯嗯 明白了', 'ok got it', 'alright, makes sense', '*tuesday', '刚才打错了 不好意思']) {
      expect(engine.detect(message).scenarios, message).toEqual([]);
    }
    expect(top('好的没事了')).toBe('closing');
    expect(top('好的谢谢')).toBe('thanks');
  });

  it('reads worry without the word for it', () => {
    for (const message of ['是不是寄丢了啊😢', '卡里的钱怎么少了', "can't get into my account and my payment is due"]) {
      expect(engine.detect(message).emotion, message).toBe('anxious');
    }
  });

  it('reads an appointment still on, or a phone still on, as no dropped chat', () => {
    for (const message of [
      'is my yoga class still on tomorrow or cancelled?',
      'laptop is still on but the screen stays black',
    ]) {
      expect(
        engine.detect(message).scenarios.map((s) => s.id),
        message,
      ).not.toContain('connection_issue');
    }
  });

  it('reads waiting too long only where it is us the customer waits for: a reply, a queue, a line', () => {
    for (const message of [
      'the hairdresser kept me in the chair 40 minutes past my slot',
      '网页一直报错 还有半小时就截止了 能不能后台帮我弄',
      '退个货退了两周了 还要等多久',
      '司机绕路绕了二十分钟 还多收钱',
    ]) {
      expect(top(message), message).not.toBe('waiting_too_long');
    }
    // The customer's own wait, with nothing else named, is a wait for us.
    for (const message of [
      'been stuck in your chat queue for 50 minutes',
      '发了消息四十分钟了都没人回',
      '我都等了半小时了',
      'this is taking forever lol',
      '还要我等到什么时候',
    ]) {
      expect(top(message), message).toBe('waiting_too_long');
    }
  });

  it('reads a change of order only where a change is named; how to pay or pick up before ordering is a question', () => {
    expect(top('租帐篷的话 押金多少 周五拿周日还可以吗')).not.toBe('order_change');
    for (const message of [
      '帮我把收货地址改成公司',
      'can you switch my order to the blue one',
      '那单先别寄了 家里已经买了',
    ]) {
      expect(top(message), message).toBe('order_change');
    }
  });

  it('reads a message that is one trigger and nothing more as that scenario alone ("hi", "你好" opens the chat)', () => {
    for (const message of ['hi', 'Hello?', '你好', '您好']) {
      expect(
        engine.detect(message).scenarios.map((s) => s.id),
        message,
      ).toEqual(['greeting']);
    }
    expect(top("where's my order?")).toBe('shipping_delay');
    expect(top('没人搭理')).toBe('waiting_too_long');
    for (const message of ['ok', '好的', '嗯嗯', 'then?']) {
      expect(engine.detect(message).scenarios, message).toEqual([]);
    }
  });

  it('reads one trigger said again and again as that trigger said once ("hi hi 👋", "在吗 在吗")', () => {
    for (const message of ['hi hi 👋', 'hello hello hello', '在吗 在吗']) {
      expect(top(message), message).toBe('greeting');
    }
    for (const message of ['ok ok', '哈哈哈', 'haha']) {
      expect(engine.detect(message).scenarios, message).toEqual([]);
    }
  });
});
