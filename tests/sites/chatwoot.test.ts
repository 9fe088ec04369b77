// @vitest-environment happy-dom
// The Chatwoot adapter against markup following Chatwoot's own message and reply-box templates.
import { describe, expect, it } from 'vitest';
import { chatwootAdapter } from '../../sites/chatwoot.ts';
import { describeAdapter, idsOf, readAll } from './describe-adapter.ts';
import { loadFixture } from './load-fixture.ts';

// The dashboard is recognised by its DOM, so self-hosted instances are found; ids are Chatwoot's message ids; the
// reply box's private-note mode is the note mode.
describeAdapter(chatwootAdapter, {
  notOn: { html: '<ul><li>nothing here</li></ul>' },
  roles: ['system', 'customer', 'agent', 'note', 'customer'],
  ids: ['1001', '1002', '1003', '1004', '1005'],
  body: {
    leavesOut: 'time, status icon, avatar or quoted reply',
    texts: {
      0: '会话已由 李客服 自行分配',
      1: '你好，我上周买的耳机还没发货，订单号 20241118-5531。',
      2: '您好，王先生！我马上帮您查询物流状态。\n请稍等一两分钟。',
    },
    latestCustomer: 'Any update? I need it before the weekend, otherwise I want a refund.',
  },
  composer: 'prosemirror',
  composerElement: (element) => expect(element.getAttribute('contenteditable')).toBe('true'),
});

describe('chatwoot adapter', () => {
  it('reads the customer name from the header and the conversation id from the URL', () => {
    const doc = loadFixture('chatwoot', '/app/accounts/3/conversations/42');
    expect(chatwootAdapter.readCustomerName?.(doc)).toBe('王小明');
    expect(chatwootAdapter.conversationKey?.(doc)).toBe('42');
  });

  it('reads the older dashboard (li.left/right/center, .bubble.is-private) still run by self-hosted instances', () => {
    const doc = loadFixture('chatwoot-legacy');
    expect(chatwootAdapter.detect(doc)).toBe(true);
    const messages = readAll(chatwootAdapter, doc);
    expect(messages.map((message) => [message.role, message.text])).toEqual([
      ['system', 'Conversation was marked resolved by Anna'],
      ['customer', 'Hi, my order #1029 arrived damaged.'],
      ['agent', '很抱歉！请发一张破损的照片给我们。'],
      ['note', 'Carrier claim needed, do not promise a refund yet.'],
      ['customer', '照片已经发了，什么时候能退款？'],
    ]);
    expect(new Set(idsOf(messages)).size).toBe(5);
    expect(chatwootAdapter.findComposer(doc)?.kind).toBe('prosemirror');
  });

  it('finds the send button by the shortcut its label names, and reads from it whether Enter sends', () => {
    const doc = loadFixture('chatwoot');
    const composer = chatwootAdapter.findComposer(doc)!;
    expect(chatwootAdapter.findSendButton?.(doc)?.textContent).toBe('发送 (⌘ + ↵)');
    expect(chatwootAdapter.enterSends?.(doc, composer)).toBe(false);
    // The agent chose "Enter to send": the label names Enter alone.
    chatwootAdapter.findSendButton!(doc)!.textContent = '发送 (↵)';
    expect(chatwootAdapter.enterSends?.(doc, composer)).toBe(true);
  });
});
