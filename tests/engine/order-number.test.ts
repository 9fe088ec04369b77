// The {orderNumber} variable's value: the latest order number the conversation labels, never a tracking or invoice number.
import { describe, expect, it } from 'vitest';
import { createOrderNumberFinder, findOrderNumber } from '../../engine/order-number.ts';
import { replyValues } from '../../engine/replies.ts';
import { fillVariables } from '../../engine/variables.ts';

describe('the order number of a conversation', () => {
  it.each([
    ['我的订单号是 DD20241108123456，还没发货', 'DD20241108123456'],
    ['訂單編號：A12345678 請幫我查', 'A12345678'],
    ['order #A1234567 arrived broken', 'A1234567'],
    ['My order number is 20240611-8872, can you check', '20240611-8872'],
    ['单号 884422117，麻烦看看', '884422117'],
    ['订单：1234567', '1234567'],
  ])('reads %s', (message, expected) => {
    expect(findOrderNumber([message])).toBe(expected);
  });

  it.each([
    ['快递单号 SF1234567890 一直没更新'],
    ['运单号：YT8811223344'],
    ['tracking number 1Z999AA10123456784'],
    ['发票号 12345678'],
    ['我手机 13812345678'],
    ['订单还没到，已经三天了'],
    ['order 12'],
  ])('finds none in %s', (message) => {
    expect(findOrderNumber([message])).toBeUndefined();
  });

  it('takes the latest message that labels one, and its last number', () => {
    expect(
      findOrderNumber(['订单号 111111111', '谢谢', '不对，订单号是 222222222，不是 111111111 的订单号 333333333']),
    ).toBe('333333333');
    expect(findOrderNumber(['订单号 111111111', '快递还没到'])).toBe('111111111');
    expect(findOrderNumber([])).toBeUndefined();
  });

  it('reads a long message in one pass whatever it holds', () => {
    const long = '订单'.repeat(20_000) + '号 123456789';
    expect(findOrderNumber([long])).toBe('123456789');
  });

  it('answers the same when read again on every new message, past the size of its memory too', () => {
    const find = createOrderNumberFinder(3);
    const conversation = ['订单号 111111111', '谢谢', '好的', '还没到'];
    expect(find(conversation)).toBe('111111111');
    conversation.push('不对，订单号是 222222222');
    expect(find(conversation)).toBe('222222222');
    conversation.push('嗯', '好');
    expect(find(conversation)).toBe('222222222');
    expect(find(['谢谢'])).toBeUndefined();
  });
});

describe('the {orderNumber} variable in a reply', () => {
  const settings = { agentName: '', agentId: '', company: '', customVariables: {} };
  const fill = (text: string, orderNumber?: string) => fillVariables(text, replyValues(settings, { orderNumber }), {});

  it("is filled with the conversation's order, and reads well without one", () => {
    expect(fill('已为您查到：订单{orderNumber}的包裹目前在杭州', 'DD20241108')).toBe(
      '已为您查到：订单DD20241108的包裹目前在杭州',
    );
    expect(fill('已为您查到：订单{orderNumber}的包裹目前在杭州')).toBe('已为您查到：订单的包裹目前在杭州');
    expect(fill('the parcel of your order {orderNumber} is in Hangzhou')).toBe(
      'the parcel of your order is in Hangzhou',
    );
  });
});
