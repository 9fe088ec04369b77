// The demo helpdesk's page logic: conversation list, message list, composer with a switchable editor, and window.huashuDemo for scripts.
import type { MessageRole } from '../sites/types.ts';
import { demoConversations, type DemoConversation } from './conversations.ts';
import { demoEditorLabels, demoEditorLoaders, isDemoEditorKind } from './editors/registry.ts';
import type { DemoEditor, DemoEditorKind } from './editors/types.ts';

export interface HuashuDemoApi {
  /** Resolves once the composer editor is mounted. */
  ready: Promise<void>;
  editorKind: DemoEditorKind;
  /** Appends a message to the open conversation; returns its data-message-id. */
  addMessage(role: MessageRole, text: string): string;
  /** Empties the open conversation's message list. */
  clear(): void;
  /** The draft as the composer editor's own model holds it. */
  editorModelText(): string;
  /** The text selected in the editor's model, where it keeps its own copy of the selection; null where it does not. */
  editorModelSelection(): string | null;
  /** Sends the draft as an agent message (or an internal note in note mode) and empties the composer. */
  send(): string | null;
  /** Every message the helpdesk sent in this page's life (by the button, Enter or Ctrl+Enter, or send()), oldest first. */
  sentMessages(): string[];
  /** Replaces the draft through the editor's own API with a fresh undo history, to set up a test or a scripted demo. */
  setDraftForTest(text: string): void;
  clearComposer(): void;
}

declare global {
  interface Window {
    huashuDemo: HuashuDemoApi;
  }
}

const roleClass: Record<MessageRole, string> = {
  customer: 'message--customer',
  agent: 'message--agent',
  note: 'message--note',
  system: 'message--system',
};

const params = new URLSearchParams(location.search);
const requestedKind = params.get('editor');
const editorKind: DemoEditorKind = isDemoEditorKind(requestedKind) ? requestedKind : 'textarea';
let activeConversation: DemoConversation =
  demoConversations.find((c) => c.id === params.get('conversation')) ?? demoConversations[0]!;
let editor: DemoEditor | null = null;
let noteMode = false;
let messageCounter = 0;
const sentMessages: string[] = [];

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const messageList = byId<HTMLOListElement>('message-list');

function nowLabel(): string {
  const now = new Date();
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

function renderMessage(role: MessageRole, author: string, time: string, text: string): string {
  const id = `${activeConversation.id}-m${++messageCounter}`;
  const item = document.createElement('li');
  item.className = `message ${roleClass[role]}`;
  item.dataset.messageId = id;
  item.dataset.role = role;
  if (role === 'system') {
    item.innerHTML = '<span class="message__system-text"></span>';
    item.querySelector('.message__system-text')!.textContent = `${text} · ${time}`;
  } else {
    item.innerHTML =
      '<div class="message__meta"><span class="message__author"></span><span class="message__time"></span></div><div class="message__bubble"></div>';
    item.querySelector('.message__author')!.textContent = role === 'note' ? `${author} · 内部备注，客户不可见` : author;
    item.querySelector('.message__time')!.textContent = time;
    item.querySelector('.message__bubble')!.textContent = text;
  }
  messageList.append(item);
  messageList.scrollTop = messageList.scrollHeight;
  return id;
}

function renderConversationList(): void {
  const list = byId<HTMLUListElement>('conversation-list');
  list.replaceChildren(
    ...demoConversations.map((conversation) => {
      const item = document.createElement('li');
      item.className = `conversation-item${conversation.id === activeConversation.id ? ' is-active' : ''}`;
      item.dataset.conversationId = conversation.id;
      const last = conversation.messages.filter((m) => m.role !== 'system' && m.role !== 'note').at(-1);
      item.innerHTML =
        '<div class="conversation-item__top"><span class="conversation-item__name"></span><span class="conversation-item__channel"></span></div><div class="conversation-item__preview"></div>';
      item.querySelector('.conversation-item__name')!.textContent = conversation.customer;
      item.querySelector('.conversation-item__channel')!.textContent = conversation.channel;
      item.querySelector('.conversation-item__preview')!.textContent = last?.text ?? '';
      if (conversation.unread > 0 && conversation.id !== activeConversation.id) {
        const badge = document.createElement('span');
        badge.className = 'conversation-item__unread';
        badge.textContent = String(conversation.unread);
        item.querySelector('.conversation-item__top')!.append(badge);
      }
      item.addEventListener('click', () => {
        if (conversation === activeConversation) return;
        // A single-page helpdesk: the conversation is in the URL (history.pushState), Back returns to the previous one.
        const next = new URL(location.href);
        next.searchParams.set('conversation', conversation.id);
        history.pushState({ conversation: conversation.id }, '', next);
        openConversation(conversation);
      });
      return item;
    }),
  );
}

function openConversation(conversation: DemoConversation): void {
  activeConversation = conversation;
  conversation.unread = 0;
  byId('conversation').dataset.conversationId = conversation.id;
  byId('customer-name').textContent = conversation.customer;
  byId('conversation-meta').textContent = `${conversation.channel} · 订单 ${conversation.order}`;
  byId('conversation-tags').replaceChildren(
    ...conversation.tags.map((tag) =>
      Object.assign(document.createElement('span'), { className: 'tag', textContent: tag }),
    ),
  );
  const details: [string, string][] = [
    ['姓名', conversation.customer],
    ['来源', conversation.channel],
    ['最近订单', conversation.order],
    ['会员等级', conversation.tags.includes('VIP') ? '黄金会员' : '普通会员'],
  ];
  byId('customer-details').replaceChildren(
    ...details.flatMap(([term, value]) => [
      Object.assign(document.createElement('dt'), { textContent: term }),
      Object.assign(document.createElement('dd'), { textContent: value }),
    ]),
  );
  messageList.replaceChildren();
  messageCounter = 0;
  for (const message of conversation.messages) renderMessage(message.role, message.author, message.time, message.text);
  renderConversationList();
}

function setNoteMode(on: boolean): void {
  noteMode = on;
  byId('composer').classList.toggle('is-note', on);
  document.querySelectorAll<HTMLButtonElement>('.composer__mode').forEach((button) => {
    button.classList.toggle('is-active', (button.dataset.mode === 'note') === on);
  });
}

function send(): string | null {
  if (!editor) return null;
  const text = editor.modelText().trim();
  if (text === '') return null;
  const id = renderMessage(noteMode ? 'note' : 'agent', '客服·小美', nowLabel(), text);
  sentMessages.push(text);
  editor.clear();
  return id;
}

async function mountEditor(kind: DemoEditorKind): Promise<void> {
  const host = byId('composer-editor');
  const mount = await demoEditorLoaders[kind]();
  editor = await mount(host, '输入回复内容…');
  // CKEditor marks its editable itself (it re-renders the attributes it owns).
  if (kind !== 'ckeditor5') editor.composer.dataset.huashuDemoComposer = kind;
}

function setUpControls(): void {
  const select = byId<HTMLSelectElement>('editor-kind');
  select.replaceChildren(
    ...Object.entries(demoEditorLabels).map(([kind, label]) =>
      Object.assign(document.createElement('option'), {
        value: kind,
        textContent: label,
        selected: kind === editorKind,
      }),
    ),
  );
  // Editors cannot be swapped in place cleanly (React roots, jQuery plugins): reload with the new choice.
  select.addEventListener('change', () => {
    const next = new URL(location.href);
    next.searchParams.set('editor', select.value);
    location.assign(next);
  });
  document.querySelectorAll<HTMLButtonElement>('.composer__mode').forEach((button) => {
    button.addEventListener('click', () => setNoteMode(button.dataset.mode === 'note'));
  });
  byId('send-button').addEventListener('click', () => send());
  const enterSends = byId<HTMLInputElement>('enter-sends');
  const hint = byId('composer-hint');
  const showHint = () => {
    hint.textContent = enterSends.checked ? 'Shift+Enter 换行 · Ctrl+Enter 发送' : 'Enter 换行 · Ctrl+Enter 发送';
  };
  enterSends.checked = params.get('enter') !== 'newline';
  enterSends.addEventListener('change', showHint);
  showHint();
  // Capture, on the composer: the send keys are taken before the editor inside sees them (its own Enter would start a
  // line), as chat helpdesks do. An input method's Enter picks a candidate and is left to it.
  byId('composer').addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229 || event.shiftKey || event.altKey) return;
      if (!(event.ctrlKey || event.metaKey || enterSends.checked)) return;
      event.preventDefault();
      event.stopPropagation();
      send();
    },
    true,
  );
}

setUpControls();
openConversation(activeConversation);
window.addEventListener('popstate', () => {
  const id = new URLSearchParams(location.search).get('conversation');
  const conversation = demoConversations.find((c) => c.id === id) ?? demoConversations[0]!;
  if (conversation !== activeConversation) openConversation(conversation);
});
const ready = mountEditor(editorKind);

window.huashuDemo = {
  ready,
  editorKind,
  addMessage: (role, text) =>
    renderMessage(
      role,
      role === 'customer' ? activeConversation.customer : role === 'system' ? '系统' : '客服·小美',
      nowLabel(),
      text,
    ),
  clear: () => messageList.replaceChildren(),
  editorModelText: () => editor?.modelText() ?? '',
  editorModelSelection: () => editor?.modelSelection?.() ?? null,
  send,
  sentMessages: () => [...sentMessages],
  setDraftForTest: (text) => editor?.setDraft(text),
  clearComposer: () => editor?.clear(),
};
