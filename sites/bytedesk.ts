// Adapter for 微语 (Bytedesk)'s agent workbench (www.weiyuai.cn/agent and self-hosted /agent/): its ChatUI message list and composer.
import { readableText } from './dom-text.ts';
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from './types.ts';

const SELECTORS = {
  // ChatUI's Chat: one .ChatApp for the thread on screen; the thread list beside it is antd's List.
  chatApp: '.ChatApp',
  messageList: '.MessageContainer .MessageList',
  // Message.tsx puts the message uid in data-id and the type in data-type; SystemMessage.tsx has neither.
  message: '.Message',
  idMessage: '.Message[data-id]',
  systemMessage: '.SystemMessage',
  content: '.Message-content',
  // Inside the content, not the message: delivery state (已读, 已送达), times, the card's title and its buttons.
  contentChrome: '.MessageStatus, time, .CardTitle, .CardActions',
  composerInput: '.ChatFooter .Composer-inputWrap textarea',
  // ChatHeader.tsx: antd's Layout.Header above the chat, nickname then "客服会话编号：#<thread uid>".
  header: '.ant-layout-header',
  activeThreadTitle: '.list-item-active .ant-list-item-meta-title, .list-item-dark-active .ant-list-item-meta-title',
} as const;

/** The ChatHeader line that carries the thread's uid (客服会话编号 / 工单会话编号); a typing preview replaces it. */
const THREAD_NUMBER = /会话编号[：:]\s*#\s*(\S+)/;

/** Message types that are never the customer's words, whatever side they are drawn on (constants.ts). */
const NOTE_TYPES: ReadonlySet<string> = new Set([
  'TRANSFER',
  'TRANSFER_ACCEPT',
  'TRANSFER_REJECT',
  'INVITE',
  'INVITE_ACCEPT',
  'INVITE_REJECT',
  'INVITE_VISITOR',
  'INVITE_VISITOR_ACCEPT',
  'INVITE_VISITOR_REJECT',
]);
const SYSTEM_TYPES: ReadonlySet<string> = new Set([
  'SYSTEM',
  'NOTICE',
  'CONTINUE',
  'AUTO_CLOSED',
  'AGENT_CLOSED',
  'RATE',
  'RATE_INVITE',
  'RATE_SUBMIT',
  'RATE_CANCEL',
]);
/** The service side answering (robot, FAQ, model stream, welcome): drawn left, yet not the customer. */
const SERVICE_TYPES: ReadonlySet<string> = new Set(['ROBOT', 'FAQ', 'FAQ_A', 'STREAM', 'WELCOME']);

function roleOf(item: HTMLElement): MessageRole {
  const type = (item.dataset.type ?? '').toUpperCase();
  if (NOTE_TYPES.has(type)) return 'note';
  if (SYSTEM_TYPES.has(type) || item.classList.contains('pop') || item.classList.contains('center')) return 'system';
  if (SERVICE_TYPES.has(type)) return 'agent';
  // getMessagePosition: the agent's own messages right, everyone else's (the visitor, a leave-message) left.
  if (item.classList.contains('right')) return 'agent';
  if (item.classList.contains('left')) return 'customer';
  return 'system';
}

/**
 * System lines carry no id. They are named after the nearest message before them that has one, so the name stays the
 * same when older history is put on top of the list.
 */
function systemLineId(line: Element): string {
  let anchor = 'start';
  let count = 0;
  for (let previous = line.previousElementSibling; previous; previous = previous.previousElementSibling) {
    const id = previous.getAttribute('data-id');
    if (id) {
      anchor = id;
      break;
    }
    if (previous.matches(SELECTORS.systemMessage)) count += 1;
  }
  return `system:${anchor}:${count}`;
}

function readItem(item: HTMLElement): ChatMessage | null {
  if (item.matches(SELECTORS.systemMessage)) {
    const text = readableText(item);
    return text ? { id: systemLineId(item), role: 'system', text } : null;
  }
  const id = item.dataset.id;
  // The typing indicator is a Message with the id "typing": nothing was said yet.
  if (!id || id === 'typing' || item.dataset.type === 'typing') return null;
  const content = item.querySelector(SELECTORS.content);
  const text = content ? readableText(content, SELECTORS.contentChrome) : '';
  return text ? { id, role: roleOf(item), text } : null;
}

function findMessageList(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(`${SELECTORS.chatApp} ${SELECTORS.messageList}`);
}

/** The ChatHeader of the chat on screen: the nearest header above the ChatApp (the app's own top bar is further up). */
function chatHeader(doc: Document): Element | null {
  const chat = doc.querySelector(SELECTORS.chatApp);
  for (let scope = chat?.parentElement; scope; scope = scope.parentElement) {
    const header = scope.querySelector(SELECTORS.header);
    if (header) return header;
  }
  return null;
}

function threadNumberLine(header: Element): Element | undefined {
  return Array.from(header.querySelectorAll('span')).find((span) => THREAD_NUMBER.test(span.textContent ?? ''));
}

/** The last thread uid each header showed: while the visitor types, the header shows the preview instead. */
const lastThreadKey = new WeakMap<Element, string>();

export const bytedeskAdapter: SiteAdapter = {
  id: 'bytedesk',
  name: '微语 Bytedesk',
  matches: ['https://www.weiyuai.cn/agent/*'],

  detect(doc) {
    return findMessageList(doc) !== null && doc.querySelector(SELECTORS.composerInput) !== null;
  },

  findMessageList,

  readMessages(list) {
    const messages: ChatMessage[] = [];
    for (const item of list.querySelectorAll<HTMLElement>(`:scope > ${SELECTORS.message}`)) {
      const message = readItem(item);
      if (message) messages.push(message);
    }
    return messages;
  },

  readMessage(node, list) {
    let item: Element | null = node;
    while (item && item.parentElement !== list) item = item.parentElement;
    return item instanceof HTMLElement && item.matches(SELECTORS.message) ? readItem(item) : null;
  },

  findComposer(doc) {
    const element = doc.querySelector<HTMLElement>(`${SELECTORS.chatApp} ${SELECTORS.composerInput}`);
    const kind: ComposerInfo['kind'] = 'textarea';
    // The workbench has no internal-note editor: transfer notes are written in a dialog, not here.
    return element ? { element, kind, noteMode: false } : null;
  },

  readCustomerName(doc) {
    const header = chatHeader(doc);
    const numberLine = header ? threadNumberLine(header) : undefined;
    // The nickname is the line above the thread number; while the visitor types, the active thread in the list names them.
    const name = (numberLine?.previousElementSibling ?? doc.querySelector(SELECTORS.activeThreadTitle))?.textContent;
    return name?.replace(/\s+/g, ' ').trim() || undefined;
  },

  conversationKey(doc) {
    const header = chatHeader(doc);
    if (!header) return undefined;
    const uid = THREAD_NUMBER.exec(threadNumberLine(header)?.textContent ?? '')?.[1];
    if (uid) {
      lastThreadKey.set(header, uid);
      return uid;
    }
    return lastThreadKey.get(header);
  },
};
