// @vitest-environment happy-dom
// The Live Helper Chat adapter against the operator's chat tabs as adminchat.tpl.php, syncadmin.tpl.php and lh.js render them.
import { describe, expect, it } from 'vitest';
import { liveHelperChatAdapter as adapter } from '../../sites/livehelperchat.ts';
import { loadFixture } from './load-fixture.ts';

function readAll(doc: Document) {
  const list = adapter.findMessageList(doc);
  expect(list).not.toBeNull();
  return adapter.readMessages(list!);
}

/** Shows chat `id`'s tab the way Bootstrap's tab plugin does. */
function showTab(doc: Document, id: string): void {
  for (const pane of doc.querySelectorAll('.chat-tab-pane'))
    pane.classList.toggle('active', pane.id === `chat-id-${id}`);
  for (const link of doc.querySelectorAll('.chat-nav-item'))
    link.classList.toggle('active', link.id === `chat-tab-link-${id}`);
}

describe('livehelperchat adapter', () => {
  it('recognises the operator chat by its DOM', () => {
    expect(adapter.detect(loadFixture('livehelperchat'))).toBe(true);
    expect(adapter.detect(loadFixture('zammad-chat'))).toBe(false);
    expect(adapter.detect(loadFixture('generic-table'))).toBe(false);
  });

  it('reads the active tab: visitor, operator, whisper and system rows with their ids, no names, dates or icons', () => {
    expect(readAll(loadFixture('livehelperchat')).map((m) => [m.id, m.role, m.text])).toEqual([
      ['88101', 'system', '客服小周 has accepted the chat!'],
      ['88102', 'customer', '你好，我昨天下的订单还没发货'],
      ['88103', 'agent', '您好，请提供一下订单号，我帮您查一下。'],
      ['88104', 'note', '仓库说今天下午统一发，别承诺具体时间'],
      ['88105', 'customer', '订单号 20261121-5520，能今天发吗？'],
      ['1202:notice:0', 'system', 'Visitor has joined the chat!'],
    ]);
  });

  it('reads a row appended by the page on its own, with the id the full read gives it', () => {
    const doc = loadFixture('livehelperchat');
    const list = adapter.findMessageList(doc)!;
    list.insertAdjacentHTML(
      'beforeend',
      '<div class="message-row response" data-op-id="0" id="msg-88106"><span class="usr-tit vis-tit">李明</span><span class="msg-date msg-date-vi">10:04:00</span><br/><div class="msg-body">收到的耳机是坏的，我要退款</div></div>' +
        '<div class="message-row system-response"><span class="usr-tit sys-tit"><i>System assistant</i></span><div class="msg-body">Visitor has left the chat!</div></div>',
    );
    const all = adapter.readMessages(list);
    expect(adapter.readMessage?.(list.querySelector('#msg-88106 .msg-body')!, list)).toEqual(all.at(-2));
    expect(adapter.readMessage?.(list.lastElementChild!, list)).toEqual(all.at(-1));
    expect(all.at(-1)?.id).toBe('1202:notice:1');
  });

  it("finds the active chat's textarea, and whisper mode as a note", () => {
    const doc = loadFixture('livehelperchat');
    const composer = adapter.findComposer(doc);
    expect(composer?.kind).toBe('textarea');
    expect(composer?.element.id).toBe('CSChatMessage-1202');
    expect(composer?.noteMode).toBe(false);
    composer!.element.setAttribute('whisper', '1');
    expect(adapter.findComposer(doc)?.noteMode).toBe(true);
  });

  it('names the visitor and keys the conversation by chat id, following the tab shown', () => {
    const doc = loadFixture('livehelperchat');
    expect(adapter.readCustomerName?.(doc)).toBe('李明');
    expect(adapter.conversationKey?.(doc)).toBe('chat:1202');
    showTab(doc, '1201');
    expect(adapter.conversationKey?.(doc)).toBe('chat:1201');
    expect(adapter.readCustomerName?.(doc)).toBe('王芳');
    expect(adapter.findComposer(doc)?.element.id).toBe('CSChatMessage-1201');
    expect(readAll(doc).map((m) => m.role)).toEqual(['customer', 'agent']);
  });

  it('reads a chat opened in a window of its own (no tabs)', () => {
    const doc = loadFixture('livehelperchat');
    const pane = doc.querySelector('#chat-id-1201')!;
    doc.body.replaceChildren(...Array.from(pane.childNodes));
    expect(adapter.detect(doc)).toBe(true);
    expect(adapter.conversationKey?.(doc)).toBe('chat:1201');
    expect(adapter.readCustomerName?.(doc)).toBe('王芳');
  });
});
