// @vitest-environment happy-dom
// The Chatwoot adapter against markup following Chatwoot's own message and reply-box templates.
import { describe, expect, it } from 'vitest';
import { chatwootAdapter } from '../../sites/chatwoot.ts';
import { loadFixture } from './load-fixture.ts';

function readAll(doc: Document) {
  const list = chatwootAdapter.findMessageList(doc);
  expect(list).not.toBeNull();
  return chatwootAdapter.readMessages(list!);
}

describe('chatwoot adapter', () => {
  it('recognises the dashboard by its DOM, so self-hosted instances are found', () => {
    expect(chatwootAdapter.detect(loadFixture('chatwoot'))).toBe(true);
    document.body.innerHTML = '<ul><li>nothing here</li></ul>';
    expect(chatwootAdapter.detect(document)).toBe(false);
  });

  it('reads roles oldest first with Chatwoot message ids', () => {
    const messages = readAll(loadFixture('chatwoot'));
    expect(messages.map((message) => [message.id, message.role])).toEqual([
      ['1001', 'system'],
      ['1002', 'customer'],
      ['1003', 'agent'],
      ['1004', 'note'],
      ['1005', 'customer'],
    ]);
  });

  it('keeps only the body: no time, status icon, avatar or quoted reply', () => {
    const messages = readAll(loadFixture('chatwoot'));
    expect(messages[1]?.text).toBe('你好，我上周买的耳机还没发货，订单号 20241118-5531。');
    expect(messages[2]?.text).toBe('您好，王先生！我马上帮您查询物流状态。\n请稍等一两分钟。');
    expect(messages[0]?.text).toBe('会话已由 李客服 自行分配');
    const latestCustomer = messages.filter((message) => message.role === 'customer').at(-1);
    expect(latestCustomer?.text).toBe('Any update? I need it before the weekend, otherwise I want a refund.');
  });

  it('finds the ProseMirror composer and its reply or private-note mode', () => {
    const reply = chatwootAdapter.findComposer(loadFixture('chatwoot'));
    expect(reply?.kind).toBe('prosemirror');
    expect(reply?.element.getAttribute('contenteditable')).toBe('true');
    expect(reply?.noteMode).toBe(false);
    expect(chatwootAdapter.findComposer(loadFixture('chatwoot-note'))?.noteMode).toBe(true);
  });

  it('reads the customer name from the header and the conversation id from the URL', () => {
    const doc = loadFixture('chatwoot', '/app/accounts/3/conversations/42');
    expect(chatwootAdapter.readCustomerName?.(doc)).toBe('王小明');
    expect(chatwootAdapter.conversationKey?.(doc)).toBe('42');
  });

  it('reads the older dashboard (li.left/right/center, .bubble.is-private) still run by self-hosted instances', () => {
    const doc = loadFixture('chatwoot-legacy');
    expect(chatwootAdapter.detect(doc)).toBe(true);
    expect(readAll(doc).map((message) => [message.role, message.text])).toEqual([
      ['system', 'Conversation was marked resolved by Anna'],
      ['customer', 'Hi, my order #1029 arrived damaged.'],
      ['agent', '很抱歉！请发一张破损的照片给我们。'],
      ['note', 'Carrier claim needed, do not promise a refund yet.'],
      ['customer', '照片已经发了，什么时候能退款？'],
    ]);
    expect(new Set(readAll(doc).map((message) => message.id)).size).toBe(5);
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
