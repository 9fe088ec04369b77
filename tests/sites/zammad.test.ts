// @vitest-environment happy-dom
// The Zammad adapter against markup following Zammad's ticket zoom and customer chat templates.
import { describe, expect, it } from 'vitest';
import { zammadAdapter } from '../../sites/zammad.ts';
import { loadFixture } from './load-fixture.ts';

function readAll(doc: Document) {
  const list = zammadAdapter.findMessageList(doc);
  expect(list).not.toBeNull();
  return zammadAdapter.readMessages(list!);
}

describe('zammad adapter, ticket zoom', () => {
  it('recognises the agent UI by its DOM', () => {
    expect(zammadAdapter.detect(loadFixture('zammad'))).toBe(true);
    expect(zammadAdapter.detect(loadFixture('chatwoot'))).toBe(false);
  });

  it('reads the active ticket only, oldest first, with article ids and roles', () => {
    const messages = readAll(loadFixture('zammad'));
    expect(messages.map((message) => [message.id, message.role])).toEqual([
      ['70101', 'customer'],
      ['70102', 'agent'],
      ['70103', 'note'],
      ['70104', 'system'],
      ['70105', 'customer'],
    ]);
    expect(messages.some((message) => message.id === '70011')).toBe(false);
  });

  it('keeps only the article body: no meta rows, avatar or time', () => {
    const messages = readAll(loadFixture('zammad'));
    expect(messages[0]?.text).toBe('你好，\n昨天开的发票抬头写成了个人，我需要改成公司：上海星河贸易有限公司。');
    expect(messages[1]?.text).toBe('陈女士您好，已收到，我们会作废原发票并重新开具。\n请提供公司税号。');
    expect(messages[3]?.text).toBe('"发票抬头写错了" -> "finance@example.cn"');
    expect(messages.filter((message) => message.role === 'customer').at(-1)?.text).toBe(
      'Tax ID is 91310000MA1FL8XQ2K. How long will the new invoice take?',
    );
  });

  it('finds the active ticket composer and its internal mode', () => {
    const doc = loadFixture('zammad');
    const composer = zammadAdapter.findComposer(doc);
    expect(composer?.kind).toBe('contenteditable');
    expect(composer?.element.closest('.content')?.classList.contains('active')).toBe(true);
    expect(composer?.noteMode).toBe(false);
    expect(zammadAdapter.findComposer(loadFixture('zammad-note'))?.noteMode).toBe(true);
  });

  it('names the customer from the latest customer article that shows a sender', () => {
    expect(zammadAdapter.readCustomerName?.(loadFixture('zammad'))).toBe('陈静');
  });

  it('keys the conversation by ticket number, from the URL or the article links', () => {
    expect(zammadAdapter.conversationKey?.(loadFixture('zammad', '/#ticket/zoom/31002'))).toBe('ticket:31002');
    expect(zammadAdapter.conversationKey?.(loadFixture('zammad', '/#dashboard'))).toBe('ticket:31002');
  });
});

describe('zammad adapter, customer chat', () => {
  it('reads the first open chat with customer, agent and notice lines', () => {
    const doc = loadFixture('zammad-chat', '/#customer_chat');
    expect(zammadAdapter.detect(doc)).toBe(true);
    const messages = readAll(doc);
    expect(messages.map((message) => [message.id, message.role, message.text])).toEqual([
      ['c7f1e2:0', 'system', 'Connection established'],
      ['c7f1e2:1', 'customer', '你好，优惠券为什么用不了？'],
      ['c7f1e2:2', 'agent', '您好，请问优惠券的面额和订单金额是多少？'],
      ['c7f1e2:3', 'customer', '满200减30, my order is 180 yuan.'],
    ]);
    expect(zammadAdapter.readCustomerName?.(doc)).toBe('赵磊');
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:c7f1e2');
  });

  it('finds the chat window’s Send, where Enter sends; a ticket article has neither', () => {
    const chat = loadFixture('zammad-chat', '/#customer_chat');
    const composer = zammadAdapter.findComposer(chat)!;
    expect(zammadAdapter.findSendButton?.(chat)?.textContent).toBe('Send');
    expect(zammadAdapter.findSendButton?.(chat)?.closest('.chat-window')).toBe(
      composer.element.closest('.chat-window'),
    );
    expect(zammadAdapter.enterSends?.(chat, composer)).toBe(true);
    const ticket = loadFixture('zammad');
    expect(zammadAdapter.findSendButton?.(ticket)).toBeNull();
    expect(zammadAdapter.enterSends?.(ticket, zammadAdapter.findComposer(ticket)!)).toBe(false);
  });

  it('follows the chat the agent is typing in', () => {
    const doc = loadFixture('zammad-chat', '/#customer_chat');
    const inputs = doc.querySelectorAll<HTMLElement>('.js-customerChatInput');
    inputs[1]!.focus();
    const composer = zammadAdapter.findComposer(doc);
    expect(composer?.element).toBe(inputs[1]);
    expect(composer?.noteMode).toBe(false);
    expect(readAll(doc).map((message) => message.text)).toEqual(['Hi, do you ship to Canada?']);
    expect(zammadAdapter.readCustomerName?.(doc)).toBe('Emily Carter');
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:d9a044');
  });
});
