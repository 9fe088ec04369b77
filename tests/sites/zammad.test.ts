// @vitest-environment happy-dom
// The Zammad adapter against markup following Zammad's ticket zoom and customer chat templates.
import { describe, expect, it } from 'vitest';
import { watchConversation, type ConversationSnapshot } from '../../content/conversation-watcher.ts';
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
  it('reads the first open chat with customer, agent and notice lines, past a closed one', () => {
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
    inputs[2]!.focus();
    const composer = zammadAdapter.findComposer(doc);
    expect(composer?.element).toBe(inputs[2]);
    expect(composer?.noteMode).toBe(false);
    expect(readAll(zammadAdapter, doc).map((message) => message.text)).toEqual([
      'https://shop.example.com/shipping',
      'Hi, do you ship to Canada?',
    ]);
    expect(zammadAdapter.readCustomerName?.(doc)).toBe('Emily Carter');
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:d9a044');
  });
});

/** What ChatWindow.receiveMessage appends (chat_message.jst.eco) while the chat's input has no focus. */
const NEW_CUSTOMER_LINE = (text: string) =>
  `<div class="chat-message chat-message--customer chat-message--new">${text}</div>`;
/** chat_loader.jst.eco: the customer is typing. */
const TYPING_LOADER =
  '<div class="chat-message chat-message--customer chat-message--loader js-loader">\n  <div class="chat-loader"><svg class="icon icon-loading"></svg><svg class="icon icon-loading"></svg></div>\n</div>';

function chatBody(doc: Document, index: number): HTMLElement {
  return doc.querySelectorAll<HTMLElement>('.chat-window .js-body')[index]!;
}

describe('zammad adapter, the states of a chat window', () => {
  it('follows the chat that received a new message when no chat input has focus (chat-message--new)', () => {
    const doc = loadFixture('zammad-chat', '/#customer_chat');
    chatBody(doc, 2).insertAdjacentHTML('beforeend', NEW_CUSTOMER_LINE('收到的耳机是坏的，我要退款'));
    expect(readAll(zammadAdapter, doc).at(-1)).toEqual({
      id: 'd9a044:2',
      role: 'customer',
      text: '收到的耳机是坏的，我要退款',
    });
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:d9a044');
    expect(zammadAdapter.readCustomerName?.(doc)).toBe('Emily Carter');
  });

  it('stays with the chat the agent is typing in when another one highlights a new message', () => {
    const doc = loadFixture('zammad-chat', '/#customer_chat');
    doc.querySelectorAll<HTMLElement>('.js-customerChatInput')[1]!.focus();
    chatBody(doc, 2).insertAdjacentHTML('beforeend', NEW_CUSTOMER_LINE('Are you there?'));
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:c7f1e2');
    expect(readAll(zammadAdapter, doc).at(-1)?.text).toBe('满200减30, my order is 180 yuan.');
  });

  it('reports a customer message appended to a chat the agent is not typing in, as the page appends it', async () => {
    const doc = loadFixture('zammad-chat', '/#customer_chat');
    const snapshots: ConversationSnapshot[] = [];
    const watcher = watchConversation({ adapter: zammadAdapter, doc, onSnapshot: (s) => snapshots.push(s) });
    try {
      await expect.poll(() => snapshots.length).toBe(1);
      const body = chatBody(doc, 2);
      body.insertAdjacentHTML('beforeend', TYPING_LOADER);
      body.querySelector('.js-loader')!.remove();
      body.insertAdjacentHTML('beforeend', NEW_CUSTOMER_LINE('收到的耳机是坏的，我要退款'));
      await expect
        .poll(
          () =>
            snapshots
              .at(-1)
              ?.messages.filter((m) => m.role === 'customer')
              .at(-1)?.text,
        )
        .toBe('收到的耳机是坏的，我要退款');
      expect(snapshots.at(-1)?.conversationKey).toBe('chat:d9a044');
    } finally {
      watcher.stop();
    }
  });

  it('gives the typing indicator no place in the ids, so a message keeps its id when the indicator leaves', () => {
    const doc = loadFixture('zammad-chat', '/#customer_chat');
    const body = chatBody(doc, 1);
    body.insertAdjacentHTML('beforeend', TYPING_LOADER);
    // The agent answers while the customer is still typing.
    body.insertAdjacentHTML('beforeend', '<div class="chat-message chat-message--agent">请稍等，我查一下。</div>');
    const whileTyping = readAll(zammadAdapter, doc).at(-1);
    body.querySelector('.js-loader')!.remove();
    body.insertAdjacentHTML('beforeend', NEW_CUSTOMER_LINE('好的'));
    const after = readAll(zammadAdapter, doc);
    expect(after.at(-2)).toEqual(whileTyping);
    expect(new Set(after.map((m) => m.id)).size).toBe(after.length);
    expect(zammadAdapter.readMessage?.(body.lastElementChild!, zammadAdapter.findMessageList(doc)!)).toEqual(
      after.at(-1),
    );
  });

  it('reads a closed chat: the status line is the system, the footer is nothing', () => {
    const doc = loadFixture('zammad-chat', '/#customer_chat');
    doc.querySelectorAll<HTMLElement>('.js-customerChatInput')[0]!.focus();
    expect(readAll(zammadAdapter, doc).map((m) => [m.role, m.text])).toEqual([
      ['customer', '我的账号被盗了，密码也被改了'],
      ['agent', '已为您冻结账户，请查收短信。'],
      ['system', '李娜 left the conversation'],
    ]);
  });

  it('keeps the session id when the header shows no " #id" (older chat_window.jst.eco, or the name edited)', () => {
    const doc = loadFixture('zammad-chat', '/#customer_chat');
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:c7f1e2');
    // sendMetaForm writes the edited name alone into .js-name.
    doc.querySelectorAll('.chat-window')[1]!.querySelector('.js-name')!.textContent = '赵磊（VIP）';
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:c7f1e2');
    expect(zammadAdapter.readCustomerName?.(doc)).toBe('赵磊（VIP）');
    // Before .js-name: <div class="chat-name"><%- @name %></div> with @name "<chat> #<session id>".
    const legacy = doc.querySelectorAll('.chat-window')[2]!.querySelector('.chat-name')!;
    legacy.innerHTML = 'Emily Carter #d9a044';
    doc.querySelectorAll<HTMLElement>('.js-customerChatInput')[2]!.focus();
    expect(zammadAdapter.conversationKey?.(doc)).toBe('chat:d9a044');
    expect(zammadAdapter.readCustomerName?.(doc)).toBe('Emily Carter');
  });
});
