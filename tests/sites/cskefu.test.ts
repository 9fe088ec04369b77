// @vitest-environment happy-dom
// The 春松客服 (cskefu) adapter against the workbench page as its templates render it, before and after KindEditor takes the reply box.
import { describe, expect, it } from 'vitest';
import { cskefuAdapter } from '../../sites/cskefu.ts';
import { loadFixture } from './load-fixture.ts';

function readAll(doc: Document) {
  const list = cskefuAdapter.findMessageList(doc);
  expect(list).not.toBeNull();
  return cskefuAdapter.readMessages(list!);
}

/** A copy of the fixture's first customer block with a new id and text, appended as message_tpl.tpl appends one. */
function appendCustomer(doc: Document, id: string, text: string): HTMLElement {
  const template = doc.querySelector<HTMLElement>('#chat_msg_list > .chat-block:has(.chat-left)')!;
  const copy = template.cloneNode(true) as HTMLElement;
  for (const icon of copy.querySelectorAll('.iconclick')) icon.id = id;
  copy.querySelector('.chat-content')!.textContent = text;
  template.parentElement!.append(copy);
  return copy;
}

describe('cskefu adapter', () => {
  it('recognises the workbench by its DOM, and not other helpdesks', () => {
    expect(cskefuAdapter.detect(loadFixture('cskefu', '/agent/index.html'))).toBe(true);
    expect(cskefuAdapter.detect(loadFixture('bytedesk'))).toBe(false);
    expect(cskefuAdapter.detect(loadFixture('livehelperchat'))).toBe(false);
  });

  it('reads the conversation oldest first: the visitor left, the agent right, connection lines and invitations as system', () => {
    const messages = readAll(loadFixture('cskefu'));
    expect(messages.map((message) => [message.id, message.role])).toEqual([
      ['system:start:0', 'system'],
      ['msg-2f9a0c11', 'customer'],
      ['msg-2f9a0c12', 'agent'],
      ['msg-2f9a0c13', 'system'],
      ['msg-2f9a0c14', 'customer'],
    ]);
  });

  it('keeps only what was said: no name, time, label icons or knowledge-base suggestions', () => {
    const messages = readAll(loadFixture('cskefu'));
    expect(messages[0]?.text).toBe('用户“李女士”开始对话');
    expect(messages[1]?.text).toBe('你好，我昨天买的保温杯还没发货');
    expect(messages[4]?.text).toBe('订单号 DD20240519883\n麻烦尽快帮我看看');
  });

  it('reads one appended block alone, with the id readMessages gives it, and skips the typing preview', () => {
    const doc = loadFixture('cskefu');
    const list = cskefuAdapter.findMessageList(doc)!;
    const added = appendCustomer(doc, 'msg-2f9a0c15', '能退款吗');
    expect(cskefuAdapter.readMessage?.(added.querySelector('.chat-content')!, list)).toEqual({
      id: 'msg-2f9a0c15',
      role: 'customer',
      text: '能退款吗',
    });
    expect(readAll(doc).at(-1)).toEqual(cskefuAdapter.readMessage?.(added, list));
    const typing = appendCustomer(doc, 'msg-2f9a0c16', '我想');
    typing.id = 'writing';
    expect(cskefuAdapter.readMessage?.(typing, list)).toBeNull();
    expect(readAll(doc).map((message) => message.id)).not.toContain('msg-2f9a0c16');
  });

  it('names the end-of-conversation line after the message before it', () => {
    const doc = loadFixture('cskefu');
    const list = cskefuAdapter.findMessageList(doc)!;
    list.insertAdjacentHTML(
      'beforeend',
      '<div class="clearfix chat-block connect-end" id="agentuser-curstatus"><span class="connect-message">用户“李女士”已经离开</span></div>',
    );
    expect(readAll(doc).at(-1)).toEqual({ id: 'system:msg-2f9a0c14:0', role: 'system', text: '用户“李女士”已经离开' });
  });

  it('takes the textarea before KindEditor starts, and the editor frame once it is in design mode', () => {
    const doc = loadFixture('cskefu');
    expect(cskefuAdapter.findComposer(doc)).toMatchObject({ kind: 'textarea', noteMode: false });
    expect(cskefuAdapter.findComposer(doc)?.element.id).toBe('message');
    // KindEditor 4's markup after K.create('#message'): the textarea hidden, the editor frame beside it.
    const textarea = doc.querySelector<HTMLTextAreaElement>('#message')!;
    textarea.insertAdjacentHTML(
      'beforebegin',
      '<div class="ke-container ke-container-simple"><div class="ke-toolbar"></div><div class="ke-edit"><iframe class="ke-edit-iframe" hidefocus="true" frameborder="0"></iframe></div></div>',
    );
    const frame = doc.querySelector<HTMLIFrameElement>('.ke-edit-iframe')!;
    const editorDoc = document.implementation.createHTMLDocument('');
    Object.defineProperty(frame, 'contentDocument', { value: editorDoc });
    // Not yet in design mode (KindEditor still loading): still the textarea.
    expect(cskefuAdapter.findComposer(doc)?.kind).toBe('textarea');
    editorDoc.designMode = 'on';
    expect(cskefuAdapter.findComposer(doc)).toEqual({ element: frame, kind: 'designmode', noteMode: false });
  });

  it('names the visitor and the conversation from the active list item', () => {
    const doc = loadFixture('cskefu');
    expect(cskefuAdapter.readCustomerName?.(doc)).toBe('李女士');
    expect(cskefuAdapter.conversationKey?.(doc)).toBe('6f1c2a9b3d');
    doc.querySelector('#chat_users .active')!.classList.remove('active');
    // Without the list (a single conversation), the heading without its region.
    expect(cskefuAdapter.readCustomerName?.(doc)).toBe('李女士');
    expect(cskefuAdapter.findSendButton?.(doc)?.textContent).toBe('发送');
  });
});
