// Adapter for 春松客服 (cskefu)'s agent workbench (/agent/index.html, shown in a frame of the console): its message list and KindEditor reply box.
import { readableText } from './dom-text.ts';
import type { ChatMessage, ComposerInfo, SiteAdapter } from './types.ts';

const SELECTORS = {
  // mainagentuser.pug: the open conversation, swapped whole when the agent picks another one in #chat_users.
  messageList: '.main-agentuser .chat-agent #chat_msg_list',
  block: '.chat-block',
  // message_tpl.tpl: the typing preview is a chat-block with the id "writing", replaced by the message once sent.
  typing: '#writing, .chat-writing-message',
  // begin_tpl / end_tpl (用户…开始对话 / 已经离开): lines of the service, not of a person.
  connectLine: '.connect-message',
  // Both label icons carry the message id (the template writes it twice, once each side).
  messageId: '.iconclick[id]',
  content: '.chat-content',
  // Inside the content: the knowledge-base suggestions under a message and the typing dots are not what was said.
  contentChrome: '.agent-info-list, .chat-writing-message',
  // A cooperation invitation (msgtype "cooperation") links to its review page: sent by the system, whoever's side.
  systemContent: 'a[href*="t=review"]',
  composerTextarea: '.chat-bottom textarea#message',
  // KindEditor 4 hides the textarea and edits in an iframe of its own (edit.js: iframe.ke-edit-iframe in designMode).
  kindEditorFrame: '.chat-bottom .ke-container iframe.ke-edit-iframe',
  sendButton: '.chat-bottom button.send-btn',
  activeConversation: '#chat_users li.chat-list-item.active',
  activeName: '.dialog-info .address span',
  // The conversation's heading: "<username>（<region>）".
  heading: '.chat-agent > h1.site-h1 > div',
} as const;

/** The region cskefu appends to the visitor's name in the heading, in full-width or ASCII brackets. */
const REGION_SUFFIX = /[（(][^（）()]*[）)]\s*$/u;

/**
 * Connection lines and typing-free blocks carry no id. They are named after the nearest message before them that has
 * one, so the name stays the same when older history is put on top of the list (the flow loader prepends it).
 */
function anchoredId(block: Element): string {
  let anchor = 'start';
  let count = 0;
  for (let previous = block.previousElementSibling; previous; previous = previous.previousElementSibling) {
    const id = previous.querySelector(SELECTORS.messageId)?.id;
    if (id) {
      anchor = id;
      break;
    }
    count += 1;
  }
  return `system:${anchor}:${count}`;
}

function readBlock(block: Element): ChatMessage | null {
  if (block.matches(SELECTORS.typing) || block.querySelector(SELECTORS.typing)) return null;
  const line = block.querySelector(SELECTORS.connectLine);
  if (line) {
    const text = readableText(line);
    return text ? { id: anchoredId(block), role: 'system', text } : null;
  }
  const content = block.querySelector(SELECTORS.content);
  const text = content ? readableText(content, SELECTORS.contentChrome) : '';
  if (!content || !text) return null;
  const id = block.querySelector(SELECTORS.messageId)?.id || anchoredId(block);
  if (content.querySelector(SELECTORS.systemContent)) return { id, role: 'system', text };
  // calltype 呼出 (the agent's side) is drawn .chat-right, everything the visitor sent .chat-left.
  if (block.querySelector(':scope > .chat-right')) return { id, role: 'agent', text };
  if (block.querySelector(':scope > .chat-left')) return { id, role: 'customer', text };
  return { id, role: 'system', text };
}

function findMessageList(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(SELECTORS.messageList);
}

/** The body KindEditor edits in, once its frame is in design mode (before that, the textarea is the reply box). */
function kindEditorFrame(doc: Document): HTMLIFrameElement | null {
  const frame = doc.querySelector<HTMLIFrameElement>(SELECTORS.kindEditorFrame);
  const frameDoc = frame?.contentDocument;
  if (!frame || !frameDoc?.body) return null;
  return frameDoc.designMode === 'on' || frameDoc.body.isContentEditable ? frame : null;
}

export const cskefuAdapter: SiteAdapter = {
  id: 'cskefu',
  name: '春松客服 cskefu',
  // Self-hosted only (the product has no hosted service): found by its DOM on sites the agent turns on.
  matches: [],

  detect(doc) {
    return findMessageList(doc) !== null && doc.querySelector(SELECTORS.composerTextarea) !== null;
  },

  findMessageList,

  readMessages(list) {
    const messages: ChatMessage[] = [];
    for (const block of list.querySelectorAll(`:scope > ${SELECTORS.block}`)) {
      const message = readBlock(block);
      if (message) messages.push(message);
    }
    return messages;
  },

  readMessage(node, list) {
    let block: Element | null = node;
    while (block && block.parentElement !== list) block = block.parentElement;
    return block?.matches(SELECTORS.block) ? readBlock(block) : null;
  },

  findComposer(doc) {
    const frame = kindEditorFrame(doc);
    // The workbench has no internal-note mode: the reply box always writes to the visitor.
    if (frame) return { element: frame, kind: 'designmode', noteMode: false };
    const textarea = doc.querySelector<HTMLElement>(SELECTORS.composerTextarea);
    const kind: ComposerInfo['kind'] = 'textarea';
    return textarea ? { element: textarea, kind, noteMode: false } : null;
  },

  findSendButton(doc) {
    return doc.querySelector<HTMLElement>(SELECTORS.sendButton);
  },

  // afterCreate: Enter sends, Ctrl+Enter breaks the line (unless the tenant chose Ctrl+Enter to send, not visible here).
  enterSends: () => true,

  readCustomerName(doc) {
    const listed = doc.querySelector(SELECTORS.activeConversation)?.querySelector(SELECTORS.activeName)?.textContent;
    const heading = doc.querySelector(SELECTORS.heading)?.textContent?.replace(REGION_SUFFIX, '');
    return (listed ?? heading)?.replace(/\s+/g, ' ').trim() || undefined;
  },

  conversationKey(doc) {
    // The visitor's user id (agentusers.pug data-id); the list item keeps it while the conversation is open.
    return doc.querySelector<HTMLElement>(SELECTORS.activeConversation)?.dataset.id || undefined;
  },
};
