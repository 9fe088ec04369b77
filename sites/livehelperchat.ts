// Adapter for Live Helper Chat's operator chat (self-hosted PHP): adminchat.tpl.php in the dashboard's chat tabs or a chat window of its own.
import { readableText } from './dom-text.ts';
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from './types.ts';

const SELECTORS = {
  // lh.js startChat: one tab pane per open chat, `.active` on the one shown.
  activePane: '.tab-pane.chat-tab-pane.active[id^="chat-id-"]',
  // adminchat.tpl.php: the operator's message list of chat <id>.
  messageBlock: '.msgBlock-admin[id^="messagesBlock-"]',
  // syncadmin.tpl.php, userjoined.tpl.php, userleftchat.tpl.php.
  row: ':scope > .message-row',
  rowAnywhere: '.message-row',
  body: '.msg-body',
  // Delivery ticks and reactions inside a body are icons, not words.
  bodyChrome: '.material-icons, .material-symbols-rounded, .reactions-holder',
  visitorName: '.usr-tit.vis-tit',
  tabName: (chatId: string) => `#ntab-chat-${chatId}`,
  composer: (chatId: string) => `#CSChatMessage-${chatId}`,
} as const;

/** The chat shown: the active tab's, else the only message list on the page (a chat opened in its own window). */
function activeMessageBlock(doc: Document): HTMLElement | null {
  const pane = doc.querySelector(SELECTORS.activePane);
  if (pane) return pane.querySelector<HTMLElement>(SELECTORS.messageBlock);
  return doc.querySelector<HTMLElement>(SELECTORS.messageBlock);
}

function chatIdOf(block: Element | null): string | undefined {
  return /^messagesBlock-(\d+)$/.exec(block?.id ?? '')?.[1];
}

/**
 * syncadmin.tpl.php: user_id 0 is the visitor (`response`), -1 the system assistant (`system-response`), anyone else an
 * operator or the bot (`message-admin`); a whisper (`whisper-msg`) is written for operators only.
 */
function roleOf(row: Element): MessageRole {
  if (row.classList.contains('system-response')) return 'system';
  if (row.classList.contains('whisper-msg')) return 'note';
  if (row.classList.contains('response')) return 'customer';
  if (row.classList.contains('message-admin')) return 'agent';
  return 'system';
}

function textOf(row: Element): string {
  const bodies = Array.from(row.querySelectorAll(SELECTORS.body));
  return bodies
    .map((body) => readableText(body, SELECTORS.bodyChrome))
    .filter(Boolean)
    .join('\n');
}

/**
 * Rows carry `msg-<id>`; the joined/left lines carry none and are counted among the id-less rows before them (rows
 * are only appended, so that count stays).
 */
function idOf(row: Element, block: HTMLElement): string {
  if (row.id) return row.id.replace(/^msg-/, '');
  let index = 0;
  for (let previous = row.previousElementSibling; previous; previous = previous.previousElementSibling) {
    if (previous.matches(SELECTORS.rowAnywhere) && !previous.id) index += 1;
  }
  return `${chatIdOf(block) ?? 'chat'}:notice:${index}`;
}

function readRow(row: HTMLElement, block: HTMLElement): ChatMessage | null {
  const text = textOf(row);
  return text ? { id: idOf(row, block), role: roleOf(row), text } : null;
}

export const liveHelperChatAdapter: SiteAdapter = {
  id: 'livehelperchat',
  name: 'Live Helper Chat',
  matches: [],

  detect(doc) {
    const block = doc.querySelector(SELECTORS.messageBlock);
    const chatId = chatIdOf(block);
    return chatId !== undefined && doc.querySelector(SELECTORS.composer(chatId)) !== null;
  },

  findMessageList: activeMessageBlock,

  readMessages(list) {
    const messages: ChatMessage[] = [];
    for (const row of list.querySelectorAll<HTMLElement>(SELECTORS.row)) {
      const message = readRow(row, list);
      if (message) messages.push(message);
    }
    return messages;
  },

  readMessage(node, list) {
    let row: Element | null = node;
    while (row && row.parentElement !== list) row = row.parentElement;
    if (!(row instanceof HTMLElement) || !row.matches(SELECTORS.rowAnywhere)) return null;
    return readRow(row, list);
  },

  findComposer(doc) {
    const chatId = chatIdOf(activeMessageBlock(doc));
    if (!chatId) return null;
    const element = doc.querySelector<HTMLElement>(SELECTORS.composer(chatId));
    if (!element) return null;
    // Whisper mode (lh.js sets whisper="1" on the textarea) writes to the other operators only.
    const noteMode = element.hasAttribute('whisper');
    if (element instanceof HTMLTextAreaElement) return { element, kind: 'textarea', noteMode };
    // The newer editor (<lhc-editor>, new_editor = 1) renders its own field inside.
    const inner = element.querySelector<HTMLElement>('textarea, [contenteditable="true"]');
    if (!inner) return null;
    const kind: ComposerInfo['kind'] = inner instanceof HTMLTextAreaElement ? 'textarea' : 'contenteditable';
    return { element: inner, kind, noteMode };
  },

  readCustomerName(doc) {
    const block = activeMessageBlock(doc);
    const chatId = chatIdOf(block);
    const tab = chatId ? doc.querySelector(SELECTORS.tabName(chatId))?.textContent?.trim() : undefined;
    if (tab) return tab;
    // The visitor's rows name them after a device icon (a ligature: its text is the icon's name).
    const title = block?.querySelector(SELECTORS.visitorName);
    const name = title ? readableText(title, SELECTORS.bodyChrome) : '';
    return name || undefined;
  },

  conversationKey(doc) {
    const chatId = chatIdOf(activeMessageBlock(doc));
    return chatId ? `chat:${chatId}` : undefined;
  },
};
