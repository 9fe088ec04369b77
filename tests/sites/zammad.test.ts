// @vitest-environment happy-dom
// The Zammad adapter against markup following Zammad's ticket zoom and customer chat templates.
import { describe, expect, it } from 'vitest';
import { zammadAdapter } from '../../sites/zammad.ts';
import { describeAdapter, readAll } from './describe-adapter.ts';
import { loadFixture } from './load-fixture.ts';

// The ticket zoom: the active ticket only, with article ids; its composer in the active ticket, internal when locked.
describeAdapter(zammadAdapter, {
  notOn: 'chatwoot',
  roles: ['customer', 'agent', 'note', 'system', 'customer'],
  ids: ['70101', '70102', '70103', '70104', '70105'],
  moreOnMessages: (messages) => expect(messages.some((message) => message.id === '70011')).toBe(false),
  body: {
    leavesOut: 'meta rows, avatar or time',
    texts: {
      0: '你好，\n昨天开的发票抬头写成了个人，我需要改成公司：上海星河贸易有限公司。',
      1: '陈女士您好，已收到，我们会作废原发票并重新开具。\n请提供公司税号。',
      3: '"发票抬头写错了" -> "finance@example.cn"',
    },
    latestCustomer: 'Tax ID is 91310000MA1FL8XQ2K. How long will the new invoice take?',
  },
  composer: 'contenteditable',
  composerElement: (element) => expect(element.closest('.content')?.classList.contains('active')).toBe(true),
});

describe('zammad adapter, ticket zoom', () => {
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
    const messages = readAll(zammadAdapter, doc);
    expect(messages.map((message) => [message.id, message.role, message.text])).toEqual([
      ['c7f1e2:0', 'system', 'Connection established'],
      ['c7f1e2:1', 'customer', '你好，优惠券为什么用不了？'],
      ['c7f1e2:2', 'agent', '您好，请问优惠券的面额和订单金额是多少？'],
      ['c7f1e2:3', 'customer', '满200减30, my order is 180 yuan.'],
    ]);
    expect(zammadAdapter.readCustomerName?.(doc)).toBe('赵磊');
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:c7f1e2');
  });

  it('follows the chat the agent is typing in', () => {
    const doc = loadFixture('zammad-chat', '/#customer_chat');
    const inputs = doc.querySelectorAll<HTMLElement>('.js-customerChatInput');
    inputs[1]!.focus();
    const composer = zammadAdapter.findComposer(doc);
    expect(composer?.element).toBe(inputs[1]);
    expect(composer?.noteMode).toBe(false);
    expect(readAll(zammadAdapter, doc).map((message) => message.text)).toEqual(['Hi, do you ship to Canada?']);
    expect(zammadAdapter.readCustomerName?.(doc)).toBe('Emily Carter');
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:d9a044');
  });
});
