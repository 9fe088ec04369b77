// Adapter for Chatwoot's agent dashboard (app.chatwoot.com and self-hosted): components-next/message, the older widgets/conversation/Message.vue, ReplyBox.
import { matchInLocation, readableText } from './dom-text.ts';
import type { ChatMessage, ComposerInfo, MessageRole, SiteAdapter } from './types.ts';

const SELECTORS = {
  messageList: 'ul.conversation-panel',
  message: '[data-message-id]',
  bubble: '[data-bubble-name]',
  activityBubble: '[data-bubble-name="activity"]',
  replyBox: '.reply-box',
  replyBoxButton: '.reply-box button',
  editor: '.ProseMirror[contenteditable="true"]',
  headerActions: '.conversation--header--actions',
  // Dashboards before components-next (self-hosted v3 and older): li.left/right/center > .wrap > .bubble(.is-private).
  legacyItem: ':scope > li.left, :scope > li.right, :scope > li.center',
  legacyRow: 'li.left, li.right, li.center',
  legacyText: '.message-text__wrap',
  legacyChrome: '.message-text--metadata, .sender--info, .context-menu-wrap, .message-failed--alert',
} as const;

/**
 * Inside a bubble, what is not the message: MessageMeta (time, lock, delivery status), the quoted in-reply-to
 * preview, the translation toggle. The meta block is recognised by the <time> it holds, see `dropMeta`.
 */
const BUBBLE_CHROME = 'time, .bg-n-alpha-black1, [class*="i-lucide-"], [class*="i-ph-"]';

/** ReplyBottomPanel's send button: the one whose label names the send shortcut (↵). */
function sendButton(doc: Document): HTMLElement | null {
  const buttons = doc.querySelectorAll<HTMLElement>(SELECTORS.replyBoxButton);
  return Array.from(buttons).find((button) => button.textContent?.includes('↵')) ?? null;
}

/** Private notes are right bubbles painted amber with a lock (Base.vue variant PRIVATE). */
function isPrivateNote(bubble: Element): boolean {
  return bubble.classList.contains('bg-n-solid-amber') || bubble.querySelector('.i-lucide-lock-keyhole') !== null;
}

function roleOf(item: Element, bubble: Element | null): MessageRole {
  if (item.querySelector(SELECTORS.activityBubble)) return 'system';
  if (bubble && isPrivateNote(bubble)) return 'note';
  if (bubble?.classList.contains('left-bubble') || item.classList.contains('justify-start')) return 'customer';
  if (bubble?.classList.contains('right-bubble') || item.classList.contains('justify-end')) return 'agent';
  // Centered bubbles (errors, unsupported content) are the dashboard speaking, not a person.
  return 'system';
}

/** The bubble's text without MessageMeta: its block is the bubble's child that holds the <time>. */
function bubbleText(bubble: Element): string {
  const copy = bubble.cloneNode(true) as Element;
  for (const time of Array.from(copy.querySelectorAll('time'))) {
    let metaBlock: Element = time;
    while (metaBlock.parentElement && metaBlock.parentElement !== copy) metaBlock = metaBlock.parentElement;
    metaBlock.remove();
  }
  return readableText(copy, BUBBLE_CHROME);
}

function readLegacyItem(item: HTMLElement, index: number): ChatMessage | null {
  const bubble = item.querySelector('.bubble');
  const role: MessageRole = bubble?.classList.contains('is-private')
    ? 'note'
    : item.classList.contains('left')
      ? 'customer'
      : item.classList.contains('right')
        ? 'agent'
        : 'system';
  const textElement = item.querySelector(SELECTORS.legacyText) ?? item;
  const text = readableText(textElement, SELECTORS.legacyChrome);
  if (!text) return null;
  // The old template has no id attribute on the row; messages are only appended, so the position is stable.
  const id = item.dataset.messageId || /^message(\d+)$/.exec(item.id)?.[1] || `${index}`;
  return { id, role, text };
}

function readItem(item: HTMLElement): ChatMessage | null {
  const id = item.dataset.messageId;
  if (!id) return null;
  const bubble = item.querySelector(SELECTORS.bubble);
  const role = roleOf(item, bubble);
  const text = bubble ? bubbleText(bubble) : readableText(item, BUBBLE_CHROME);
  return text ? { id, role, text } : null;
}

function findMessageList(doc: Document): HTMLElement | null {
  const panel = doc.querySelector<HTMLElement>(SELECTORS.messageList);
  if (panel) return panel;
  // Builds that drop the panel class still render one <ul> of Message components (MessageList.vue).
  return doc.querySelector(SELECTORS.message)?.closest<HTMLElement>('ul') ?? null;
}

export const chatwootAdapter: SiteAdapter = {
  id: 'chatwoot',
  name: 'Chatwoot',
  matches: ['https://app.chatwoot.com/*'],

  detect(doc) {
    return doc.querySelector(SELECTORS.replyBox) !== null && findMessageList(doc) !== null;
  },

  findMessageList,

  readMessages(list) {
    const messages: ChatMessage[] = [];
    if (!list.querySelector(SELECTORS.message)) {
      list.querySelectorAll<HTMLElement>(SELECTORS.legacyItem).forEach((item, index) => {
        const message = readLegacyItem(item, index);
        if (message) messages.push(message);
      });
      return messages;
    }
    for (const item of list.querySelectorAll<HTMLElement>(SELECTORS.message)) {
      const message = readItem(item);
      if (message) messages.push(message);
    }
    return messages;
  },

  readMessage(node, list) {
    const item = node.closest<HTMLElement>(SELECTORS.message) ?? node.querySelector<HTMLElement>(SELECTORS.message);
    if (item) return readItem(item);
    if (list.querySelector(SELECTORS.message)) return null;
    // The older template: its id is the row's position, counted from the rows before it.
    let legacy: Element | null = node;
    while (legacy && legacy.parentElement !== list) legacy = legacy.parentElement;
    if (!(legacy instanceof HTMLElement) || !legacy.matches(SELECTORS.legacyRow)) return null;
    let index = 0;
    for (let previous = legacy.previousElementSibling; previous; previous = previous.previousElementSibling) {
      if (previous.matches(SELECTORS.legacyRow)) index += 1;
    }
    return readLegacyItem(legacy, index);
  },

  findComposer(doc) {
    const replyBox = doc.querySelector(SELECTORS.replyBox);
    const element = replyBox?.querySelector<HTMLElement>(SELECTORS.editor);
    if (!replyBox || !element) return null;
    const kind: ComposerInfo['kind'] = 'prosemirror';
    return { element, kind, noteMode: replyBox.classList.contains('is-private') };
  },

  findSendButton(doc) {
    return sendButton(doc);
  },

  enterSends(doc) {
    // The send button names its shortcut: "Send (⌘ + ↵)", or "Send (↵)" when the agent chose Enter to send.
    const label = sendButton(doc)?.textContent ?? '';
    return /\(\s*↵\s*\)/u.test(label);
  },

  readCustomerName(doc) {
    // The header shows the contact's name in the button just above the "inbox · open details" row.
    const nameRow = doc.querySelector(SELECTORS.headerActions)?.previousElementSibling;
    const name = nameRow?.textContent?.replace(/\s+/g, ' ').trim();
    return name || undefined;
  },

  conversationKey(doc) {
    return matchInLocation(doc, /\/conversations\/(\d+)/);
  },
};
